import { createContext } from 'react';

/**
 * Goes back from the first step of a journey to the first choice (register or link); null where
 * there is no choice to go back to.
 */
export const BackToChoiceContext = createContext<(() => void) | null>(null);
