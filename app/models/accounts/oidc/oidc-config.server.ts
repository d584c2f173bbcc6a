/**
 * The organisations' identity providers (OpenID Connect), read from the JSON file named
 * by KOERS_OIDC_CONFIG and validated once at start-up: a mistake stops the server with a
 * message naming the setting (never its value, so a client secret is never printed).
 * Format and an example: docs/sign-in.md.
 */
import fs from 'node:fs';

import { z } from 'zod';

import { env } from '../../../utils/env.server';
import { singleton } from '../../../utils/singleton.server';
import { findOrganisationByName } from '../organisation.server';

const PROVIDER_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

const ProviderSchema = z
  .object({
    /** In the sign-in URL (/login/oidc/<id>) and the audit log; lower-case letters, digits and hyphens. */
    id: z.string().regex(PROVIDER_ID, { error: 'use 1–40 lower-case letters, digits or hyphens' }),
    /** Shown on the button: "Inloggen met uw organisatie-account" + this name. */
    name: z.string({ error: 'give the name shown on the login page' }).trim().min(1).max(80),
    issuer: z.url({ error: 'give the issuer URL (https://…)' }),
    clientId: z.string({ error: 'give the client id registered at the provider' }).min(1),
    /** The secret itself, or the name of an environment variable holding it (preferred). */
    clientSecret: z.string().min(1).optional(),
    clientSecretEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, { error: 'name an environment variable' })
      .optional(),
    /** The Koers organisation (by name, as on /beheer/organisaties) new people from this provider belong to. */
    organisation: z.string({ error: 'which organisation (by its name in the app) this provider belongs to' }).trim().min(1),
    /** The e-mail domains whose addresses this provider may vouch for. */
    emailDomains: z
      .array(z.string().trim().toLowerCase().regex(DOMAIN, { error: 'use a domain such as haarlem.nl' }), {
        error: 'list the e-mail domains, e.g. ["haarlem.nl"]',
      })
      .min(1, { error: 'list at least one e-mail domain' }),
    /**
     * The ID token claim whose value `true` says the provider verified the address:
     * 'email_verified' (the standard), or e.g. 'xms_edov' for Microsoft Entra ID.
     */
    verifiedEmailClaim: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, { error: 'name a claim, e.g. email_verified or xms_edov' })
      .default('email_verified'),
    /** Only for a provider on the same machine in tests and trials: allow http:// (never in production). */
    allowInsecureHttp: z.boolean().default(false),
  })
  .strict()
  .check((ctx) => {
    const v = ctx.value;
    if (!v.clientSecret && !v.clientSecretEnv) {
      ctx.issues.push({ code: 'custom', input: undefined, path: ['clientSecret'], message: 'give clientSecret or clientSecretEnv' });
    }
    if (v.clientSecretEnv && !process.env[v.clientSecretEnv]) {
      ctx.issues.push({
        code: 'custom',
        input: undefined,
        path: ['clientSecretEnv'],
        message: `environment variable ${v.clientSecretEnv} is not set`,
      });
    }
    if (v.issuer.startsWith('http:') && !v.allowInsecureHttp) {
      ctx.issues.push({
        code: 'custom',
        input: undefined,
        path: ['issuer'],
        message: 'use https:// (http only with allowInsecureHttp, for tests)',
      });
    }
  });

const OidcConfigSchema = z
  .object({
    /** 'off': the login page shows only the providers' buttons (accounts without a provider cannot sign in). */
    passwordForm: z.enum(['on', 'off'], { error: "use 'on' or 'off'" }).default('on'),
    providers: z.array(ProviderSchema, { error: 'list the providers' }),
  })
  .strict()
  .check((ctx) => {
    const ids = ctx.value.providers.map((p) => p.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.issues.push({ code: 'custom', input: undefined, path: ['providers', i, 'id'], message: `id '${id}' is used twice` });
    });
  });

export type OidcProviderConfig = Omit<z.output<typeof ProviderSchema>, 'clientSecret' | 'clientSecretEnv'> & { clientSecret: string };
export type OidcConfig = { passwordForm: 'on' | 'off'; providers: OidcProviderConfig[] };

export const NO_OIDC: OidcConfig = { passwordForm: 'on', providers: [] };

/** Thrown for a bad configuration; the message names the setting and the field, never a value. */
export class OidcConfigError extends Error {}

/** Validates the parsed JSON of a configuration file. */
export function parseOidcConfig(json: unknown, source = 'KOERS_OIDC_CONFIG'): OidcConfig {
  const result = OidcConfigSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${[source, ...i.path].join('.')}: ${i.message}`).join('\n');
    throw new OidcConfigError(`Invalid sign-in configuration (${source}):\n${problems}`);
  }
  return {
    passwordForm: result.data.passwordForm,
    providers: result.data.providers.map(({ clientSecret, clientSecretEnv, ...provider }) => ({
      ...provider,
      clientSecret: clientSecretEnv ? process.env[clientSecretEnv]! : clientSecret!,
    })),
  };
}

/** Reads and validates the file KOERS_OIDC_CONFIG names; no file configured: no providers. */
export function readOidcConfigFile(file: string | undefined): OidcConfig {
  if (!file) return NO_OIDC;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new OidcConfigError(`KOERS_OIDC_CONFIG: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new OidcConfigError(`KOERS_OIDC_CONFIG: ${file} is not valid JSON`);
  }
  return parseOidcConfig(json);
}

const state = singleton('oidc-config', () => ({ config: null as OidcConfig | null }));

/** Installs a configuration (the server at start-up; tests). */
export function configureOidc(config: OidcConfig) {
  state.config = config;
}

/**
 * The server's start: reads KOERS_OIDC_CONFIG, checks that every provider's organisation
 * exists in the database, and installs the result. Throws OidcConfigError (the server
 * prints it and stops) naming the setting.
 */
export function configureOidcAtStartUp(file: string | undefined): OidcConfig {
  const config = readOidcConfigFile(file);
  const unknown = config.providers
    .map((provider, i) => ({ provider, i }))
    .filter(({ provider }) => !findOrganisationByName(provider.organisation))
    .map(
      ({ provider, i }) =>
        `  KOERS_OIDC_CONFIG.providers.${i}.organisation: no organisation named '${provider.organisation}' (see /beheer/organisaties)`,
    );
  if (unknown.length > 0) throw new OidcConfigError(`Invalid sign-in configuration (KOERS_OIDC_CONFIG):\n${unknown.join('\n')}`);
  configureOidc(config);
  return config;
}

/** The configuration in force: what was installed, else the file of KOERS_OIDC_CONFIG. */
export function oidcConfig(): OidcConfig {
  state.config ??= readOidcConfigFile(env.KOERS_OIDC_CONFIG);
  return state.config;
}

export function findOidcProvider(id: string): OidcProviderConfig | undefined {
  return oidcConfig().providers.find((p) => p.id === id);
}

/** Whether a provider may vouch for this (lower-case) e-mail address: its domain is one of the provider's. */
export function mayVouchFor(provider: Pick<OidcProviderConfig, 'emailDomains'>, email: string): boolean {
  const at = email.lastIndexOf('@');
  return at > 0 && provider.emailDomains.includes(email.slice(at + 1));
}

/** Whether the login page offers the password form: always, unless switched off with at least one provider to use instead. */
export function passwordFormOn(): boolean {
  const config = oidcConfig();
  return config.passwordForm === 'on' || config.providers.length === 0;
}
