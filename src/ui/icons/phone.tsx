import { Svg, type IconProps } from './svg';

export const PhoneIcon = (p: IconProps) => (
  <Svg {...p}>
    <rect width="14" height="20" x="5" y="2" rx="2" />
    <path d="M12 18h.01" />
  </Svg>
);
