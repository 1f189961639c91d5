import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

/** The baseline of `npm run bench:tti`: the least a React page can do, with one field to type in. */
function Hello() {
  return (
    <main>
      <h1>Hello, world</h1>
      <label>
        Phone number <input type="tel" />
      </label>
    </main>
  );
}

const root = document.getElementById('root');
if (!root) throw new Error('no #root');
createRoot(root).render(
  <StrictMode>
    <Hello />
  </StrictMode>,
);
