export const common = {
  'app.title': 'WhatsApp number onboarding',
  'app.tagline': 'Connect a WhatsApp number to your API instance.',
  'app.language': 'Language',
  'app.loading': 'Loading…',
  'app.demo': 'Demo: nothing reaches WhatsApp. Use the test numbers from the guide.',
  'app.offline': 'You are offline. Nothing will be sent until the connection is back; what you typed is kept.',
  'app.startOver': 'Start over',
  'app.changeNumber': 'Change number',
  'app.crashed': 'Something went wrong on this screen.',
  'app.crashedHint': 'Your place in the flow is saved. Reload the page to continue.',
  'app.reload': 'Reload',
  'app.main': 'Onboarding',
};
