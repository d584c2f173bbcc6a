/**
 * npm run create-admin -- --email x@y.nl --name "Naam" --organisation Haarlem
 *
 * Creates a beheerder (or promotes an existing account to beheerder and reactivates it)
 * on the database of KOERS_DATABASE, and prints a one-time invite link with which they
 * choose a password. Runs the migrations (and the first-start seed) first, so it also
 * works before the server has ever started.
 */
import { pathToFileURL } from 'node:url';

import { z } from 'zod';

import { INVITE_DAYS, inviteUrl } from '../app/models/accounts/invite.server';
import { findOrganisationByName } from '../app/models/accounts/organisation.server';
import { createOrPromoteAdmin } from '../app/models/accounts/user.server';
import { db } from '../app/utils/db.server';
import { env } from '../app/utils/env.server';
import { migrateDatabase } from '../db/migrate';
import { bootstrapDatabase } from '../db/seed/bootstrap';

/** A problem with the command line or its input: printed without a stack trace, exit code 1. */
export class CliError extends Error {}

const USAGE = 'Gebruik: npm run create-admin -- --email naam@example.nl --name "Voornaam Achternaam" --organisation Haarlem';

export type CreateAdminArgs = { email: string; name?: string; organisation?: string };

export function parseCreateAdminArgs(argv: string[]): CreateAdminArgs {
  const values: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const match = /^--(email|name|organisation)(?:=(.*))?$/.exec(arg);
    if (!match) throw new CliError(`Onbekend argument: ${arg}\n${USAGE}`);
    const value = match[2] ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new CliError(`--${match[1]} heeft een waarde nodig.\n${USAGE}`);
    values[match[1]] = value.trim();
  }
  if (!values.email) throw new CliError(`--email ontbreekt.\n${USAGE}`);
  if (!z.email().safeParse(values.email).success) throw new CliError(`Geen geldig e-mailadres: ${values.email}`);
  if (values.name !== undefined && (values.name.length === 0 || values.name.length > 120))
    throw new CliError('--name moet 1 tot 120 tekens lang zijn.');
  return { email: values.email.toLowerCase(), name: values.name, organisation: values.organisation };
}

/** The core of the command, on the process-wide database; returns what it prints. */
export function createAdmin(args: CreateAdminArgs, baseUrl: string) {
  let organisationId: number | undefined;
  if (args.organisation !== undefined) {
    const org = findOrganisationByName(args.organisation);
    if (!org) throw new CliError(`Onbekende organisatie: ${args.organisation}. Kies een bestaande organisatie (bijvoorbeeld Haarlem).`);
    organisationId = org.id;
  }
  const result = createOrPromoteAdmin({ email: args.email, name: args.name, organisationId });
  if (!result.ok) {
    throw new CliError(
      result.error === 'name_required'
        ? `Er is nog geen account voor ${args.email}: geef ook --name op.\n${USAGE}`
        : `Er is nog geen account voor ${args.email}: geef ook --organisation op.\n${USAGE}`,
    );
  }
  const link = inviteUrl(baseUrl, result.token);
  const lines = [
    result.created ? `Beheerder ${args.email} is aangemaakt.` : `${args.email} is nu beheerder (en actief).`,
    `Eenmalige link om een wachtwoord te kiezen (${INVITE_DAYS} dagen geldig):`,
    link,
  ];
  return { ...result, link, output: lines.join('\n') };
}

async function main() {
  try {
    const args = parseCreateAdminArgs(process.argv.slice(2));
    migrateDatabase(db);
    await bootstrapDatabase(db, { demo: env.KOERS_DEMO === 'on', demoPassword: env.KOERS_DEMO_PASSWORD });
    const { output } = createAdmin(args, env.KOERS_PUBLIC_URL ?? `http://localhost:${env.PORT}`);
    console.log(output);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
