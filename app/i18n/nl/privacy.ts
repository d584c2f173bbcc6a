import { characterCount } from './format';
import { statementDefaults } from './statement-defaults';

/** Texts of the privacy duties: the statements, the footer, a person's data export and removal. */
export const privacy = {
  footer: {
    label: 'Over Koers',
    privacy: 'Privacyverklaring',
    accessibility: 'Toegankelijkheidsverklaring',
  },
  /** The name and e-mail address a removed person's account keeps. */
  formerUser: 'Voormalig gebruiker',
  formerUserEmail: (id: number) => `voormalig-${id}@verwijderd.invalid`,
  statements: {
    defaults: statementDefaults,
    privacy: { title: 'Privacyverklaring' },
    toegankelijkheid: { title: 'Toegankelijkheidsverklaring' },
    lastChanged: (when: string) => `Laatst gewijzigd: ${when}.`,
    defaultText: 'Dit is de standaardtekst van Koers. De beheerder kan hem aanpassen.',
    edit: 'Tekst bewerken',
    editTitle: (title: string) => `${title} bewerken`,
    editIntro:
      'De tekst staat op een openbare pagina, ook zonder in te loggen leesbaar. Opmaak: een lege regel begint een nieuwe alinea; "## " aan het begin van een regel maakt een kop, "- " een opsomming; **vet** en [tekst](https://adres) voor een link.',
    body: 'Tekst',
    save: 'Opslaan',
    saved: 'De tekst is opgeslagen.',
    restoreDefault: 'Terug naar de standaardtekst',
    restored: 'De standaardtekst staat weer op de pagina.',
    bodyRequired: 'Vul een tekst in.',
    bodyTooLong: (max: number) => `De tekst mag hoogstens ${characterCount(max)} tekens lang zijn.`,
    homeLink: 'Privacy- en toegankelijkheidsverklaring',
    homeText: 'De teksten van de twee openbare verklaringen aanpassen.',
  },
  person: {
    sectionTitle: 'Privacy (AVG)',
    sectionIntro:
      'Op verzoek van deze persoon: een export van alle gegevens die Koers over hem of haar bewaart, of het verwijderen van de persoon.',
    exportLink: 'Gegevens exporteren (JSON)',
    exportHint:
      'Een bestand met alle gegevens over deze persoon, om aan de persoon te overhandigen. Het exporteren wordt in het auditlog vastgelegd.',
    removeLink: 'Persoon verwijderen',
    removeSelf: 'U kunt uzelf niet verwijderen. Laat een andere beheerder dit doen.',
    removedTitle: 'Deze persoon is verwijderd',
    removedText: (when: string) =>
      `Verwijderd op ${when}. Naam en e-mailadres zijn vervangen door “Voormalig gebruiker”; het account kan niet meer inloggen en niet opnieuw worden geactiveerd. Wat de persoon aan de agenda bijdroeg, staat er nog onder die naam.`,
    removeTitle: (name: string) => `${name} verwijderen`,
    removeIntro: 'Het account wordt geanonimiseerd: de geschiedenis van de agenda blijft intact en leesbaar.',
    removeWhat: 'Wat er gebeurt:',
    removeSteps: [
      'De naam wordt “Voormalig gebruiker” en het e-mailadres wordt vervangen; de persoon kan niet meer inloggen.',
      'Alle sessies, uitnodigingslinks, meldingen, meldingsvoorkeuren, gevolgde items en het agenda-abonnement worden verwijderd.',
      'Reacties, voortgangsberichten, wijzigingen, besluiten en kennisbankitems blijven staan, onder de naam “Voormalig gebruiker”.',
      'Het auditlog blijft ongewijzigd tot het einde van de bewaartermijn.',
    ],
    openActions: (n: number) =>
      n === 0
        ? 'Deze persoon is van geen enkele lopende actie trekker.'
        : `Deze persoon is trekker van ${n} ${n === 1 ? 'lopende actie' : 'lopende acties'}; die houden “Voormalig gebruiker” als trekker tot iemand ze overneemt.`,
    exportFirst: 'Wil de persoon een kopie van de gegevens? Exporteer die dan eerst: daarna is het te laat.',
    confirm: 'Ik begrijp dat dit niet ongedaan kan worden gemaakt.',
    confirmRequired: 'Vink aan dat u begrijpt dat dit niet ongedaan kan worden gemaakt.',
    submit: 'Persoon definitief verwijderen',
    cancel: 'Annuleren',
    done: 'De persoon is verwijderd en het account geanonimiseerd.',
    alreadyRemoved: 'Deze persoon is al verwijderd.',
    exportFilename: (id: number, date: string) => `koers-gegevens-persoon-${id}-${date}.json`,
  },
};
