import { createContext, useContext } from 'react';

/** The CSP nonce of the current response (server render only; empty in the browser). */
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
