import { t } from '../../i18n';

const o = t.common.login.oidc;

export type SignInProvider = { id: string; name: string };

type Props = { providers: SignInProvider[]; redirectTo: string };

/**
 * The "Inloggen met uw organisatie-account" buttons of the login page, one per
 * configured provider, above the password form. Plain links: the sign-in leaves Koers
 * for the provider's own page.
 */
export function OrganisationSignIn({ providers, redirectTo, beforePasswordForm = true }: Props & { beforePasswordForm?: boolean }) {
  if (providers.length === 0) return null;
  const query = redirectTo === '/' ? '' : `?redirectTo=${encodeURIComponent(redirectTo)}`;
  return (
    <>
      <section className="organisation-sign-in" aria-labelledby="organisation-sign-in-heading">
        <h2 id="organisation-sign-in-heading">{o.heading}</h2>
        <ul className="button-list">
          {providers.map((provider) => (
            <li key={provider.id}>
              <a className="button" href={`/login/oidc/${provider.id}${query}`}>
                {o.button(provider.name)}
              </a>
            </li>
          ))}
        </ul>
      </section>
      {beforePasswordForm ? <h2>{o.orPassword}</h2> : null}
    </>
  );
}

/** The login page when the password form is switched off (KOERS_OIDC_CONFIG passwordForm "off"). */
export function OrganisationSignInOnly({ providers, redirectTo, error }: Props & { error: string | null }) {
  return (
    <div className="login">
      <h1>{t.common.login.title}</h1>
      {error ? (
        <div className="form-error" role="alert">
          {error}
        </div>
      ) : null}
      <OrganisationSignIn providers={providers} redirectTo={redirectTo} beforePasswordForm={false} />
      <p>{o.passwordFormOff}</p>
    </div>
  );
}

/** The message for a refused sign-in through a provider (?oidc=<reason> on the login page), or null. */
export function organisationSignInError(reason: string | null): string | null {
  if (!reason) return null;
  return Object.hasOwn(o.errors, reason) ? o.errors[reason as keyof typeof o.errors] : null;
}
