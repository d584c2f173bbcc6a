/** Addresses of the sign-in steps, for the server guards and the pages alike. Browser-safe. */

/** The second sign-in step (a code of the app or a recovery code), after the password. */
export const SECOND_STEP_PATH = '/login/code';
/** Where a person sets up, renews or turns off their two-factor sign-in. */
export const TWO_FACTOR_SETUP_PATH = '/account/tweestapsverificatie';
