/** What the Node server answers when it refuses a request, a live stream or a real-time connection. */
export const server = {
  crossSiteRefused: 'Geweigerd: dit verzoek komt niet van Koers zelf.',
  notSignedIn: 'Niet ingelogd.',
  unknownDocument: 'Onbekend document.',
  documentForbidden: 'Geen toegang tot dit document.',
  twoFactorSetupRequired: 'Stel eerst tweestapsverificatie in (Mijn account).',
  internalError: 'Interne fout.',
  stopping: 'Koers stopt.',
  tooManyStreams: 'Te veel live-verbindingen voor deze sessie.',
};
