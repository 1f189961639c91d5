export const capabilities = {
  'capabilities.checking': 'Checking what this instance can do…',
  'capabilities.linkOnly': 'This instance links to the phone that has WhatsApp: its provider cannot register the number here.',
  'capabilities.noAccountSecurity': 'This instance’s provider does not offer account security (e-mail and PIN).',
};
