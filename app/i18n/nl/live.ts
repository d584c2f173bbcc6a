/** Live updates of the workspace. */
export const live = {
  /** Shown only when the stream has been down for a while; nothing is shown when all is well. */
  interrupted: 'Live bijwerken is onderbroken. Koers probeert opnieuw verbinding te maken; wat u ziet, kan verouderd zijn.',
  restored: 'Live bijwerken werkt weer.',
};
