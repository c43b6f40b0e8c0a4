/** Passerelle's mark: a footbridge between two banks (research, industry). Decorative beside the name. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg className="logo-mark" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#1d3f8f" />
      <path d="M4 22 Q16 6 28 22" fill="none" stroke="#fff" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M4 22h24" stroke="#f5a300" strokeWidth="2.5" strokeLinecap="round" />
      <path d="M10 15.5V22M16 13v9M22 15.5V22" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" />
    </svg>
  )
}
