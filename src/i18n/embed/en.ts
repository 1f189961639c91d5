/** The embedded console's own words, in its chunk (src/embed), not in the first screen's locale chunk. */
export const embedEn = {
  'embed.title': 'WhatsApp number onboarding',
  'embed.session.expired': 'Your session has expired. The portal is renewing it; your place in the flow is kept.',
  'embed.session.renewed': 'Session renewed. Repeat your last action to continue.',
  'embed.unavailable.title': 'This console could not open',
  'embed.unavailable.text': 'The link from the portal has expired or is not valid. Close this panel and open it again from the portal.',
} as const;
