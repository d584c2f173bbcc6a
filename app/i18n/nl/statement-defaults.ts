/**
 * The default texts of the two public statements (Markdown-light, as the library uses),
 * shown until the beheerder saves their own. Written for this installation's purpose;
 * the parts between [ ] are for the organisation to fill in.
 */
export const statementDefaults = {
  privacy: `Koers is de werkomgeving waarin de gemeenten van de arbeidsmarktregio Zuid-Kennemerland en IJmond en hun partners samenwerken aan de regionale aanpak basisvaardigheden. Deze verklaring beschrijft welke persoonsgegevens Koers verwerkt, waarom, en welke rechten u heeft.

## Wie is verantwoordelijk
Verwerkingsverantwoordelijke is [naam van de organisatie die Koers beheert, adres]. De functionaris gegevensbescherming is bereikbaar via [e-mailadres].

## Welke gegevens en waarom
- **Account:** naam, e-mailadres, organisatie en rol. Nodig om u toegang te geven tot wat bij uw rol hoort.
- **Uw bijdragen:** reacties, voortgangsberichten, wijzigingen in de agenda, notities van overleggen en items in de kennisbank, met uw naam en het tijdstip. Nodig om de samenwerking en de verantwoording te kunnen volgen.
- **Meldingen en voorkeuren:** welke items u volgt en hoe u meldingen wilt ontvangen.
- **Beveiliging:** sessies (zolang u ingelogd bent) en een auditlog van aanmeldingen, beheerhandelingen, geweigerde toegang, exports en back-ups, met het netwerkadres. De Baseline Informatiebeveiliging Overheid (BIO) vraagt om deze vastlegging.

De grondslag is de uitvoering van een taak van algemeen belang (de regionale samenwerking van de gemeenten) en, voor de beveiliging, het gerechtvaardigd belang van een veilige werkomgeving.

## Hoe lang
- Sessies vervallen na 30 dagen; verlopen sessies worden dagelijks verwijderd.
- Gelezen meldingen worden na de ingestelde termijn verwijderd.
- Het auditlog wordt bewaard tot het einde van de ingestelde bewaartermijn en daarna automatisch verwijderd.
- Uw bijdragen aan de agenda blijven bewaard zolang de agenda loopt en verantwoord moet worden.

## Uw rechten
U kunt de beheerder vragen om inzage in uw gegevens (u krijgt een export van alles wat Koers over u bewaart), om correctie, en om verwijdering. Bij verwijdering wordt uw account geanonimiseerd: uw naam en e-mailadres verdwijnen, wat u aan de agenda bijdroeg blijft staan onder de naam "Voormalig gebruiker". Een verzoek doet u bij [contactgegevens].

U kunt een klacht indienen bij de [Autoriteit Persoonsgegevens](https://autoriteitpersoonsgegevens.nl).

## Geen tracking
Koers gebruikt alleen een functionele cookie om u ingelogd te houden. Er zijn geen analyse- of advertentiecookies en er gaan geen gegevens naar derden.`,

  toegankelijkheid: `[Naam van de organisatie] wil dat iedereen Koers kan gebruiken. Deze verklaring volgt het model van [DigiToegankelijk](https://www.digitoegankelijk.nl/toegankelijkheidsverklaring) en gaat over de webapplicatie Koers.

## Status
Koers voldoet naar eigen beoordeling gedeeltelijk aan de eisen van de norm EN 301 549 en de WCAG 2.1 op niveau AA. Een onderzoek door een onafhankelijke partij heeft nog niet plaatsgevonden: [datum en resultaat invullen zodra het er is].

## Hoe Koers wordt gecontroleerd
- **Automatisch, bij elke wijziging:** in elke browsertest van Koers controleert axe-core de pagina op overtredingen van de WCAG. Een ernstige of kritieke overtreding laat de test falen, zodat de wijziging niet wordt opgenomen.
- **Schermbreedtes:** de pagina's worden getest op een breed scherm (1280 pixels) en op een telefoon (390 pixels).
- **Handmatig, bij de bouw:** bediening met alleen het toetsenbord (de volgorde van de focus, de zichtbare focus, een link "Naar de inhoud" op elke pagina), labels en foutmeldingen bij elk formulierveld, tabellen met een bijschrift en kolomkoppen, grafieken met dezelfde cijfers als tabel, en voldoende kleurcontrast via de kleuren van NL Design System.

## Bekende beperkingen
- De live notities van een overleg worden met een teksteditor bewerkt; met een schermlezer is die nog niet uitgebreid getest.
- [Aanvullen na onderzoek.]

## Feedback en contact
Loopt u tegen een probleem aan? Meld het via [e-mailadres of telefoonnummer]. U krijgt binnen [aantal] werkdagen antwoord.

## Handhavingsprocedure
Bent u niet tevreden met de manier waarop uw klacht is behandeld, of heeft u geen antwoord gekregen? Dan kunt u zich wenden tot de [Nationale ombudsman](https://www.nationaleombudsman.nl).`,
};
