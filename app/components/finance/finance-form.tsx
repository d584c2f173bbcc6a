import { finance as financeText } from '../../i18n/nl/finance';
import {
  ALLOCATION_PURPOSE_LABELS,
  ALLOCATION_PURPOSES,
  COMMITMENT_KIND_LABELS,
  COMMITMENT_KINDS,
  FINANCE_YEARS,
  STREAM_KIND_LABELS,
  STREAM_KINDS,
} from '../../models/finance/finance-rules';
import { AMOUNT_MAX_LENGTH } from '../../schemas/finance';
import { TEXT_LIMITS } from '../../schemas/limits';
import type { FieldErrors } from '../../utils/forms';
import { EditForm } from '../forms/edit-form';
import { Field } from '../forms/field';

const f = financeText.form;

export type FinanceFormKind = 'geldstromen' | 'toewijzingen' | 'verplichtingen' | 'bestedingen';
type Option = { id: number; label: string };
export type FinanceFormChoices = {
  year: number;
  streams: Option[];
  allocations: Option[];
  commitments: Option[];
  municipalities: { id: number; name: string }[];
  goals: Option[];
  /** The actions of the year's period, grouped under their goal. */
  actionGroups: { goalId: number; label: string; options: Option[] }[];
};

type Props = {
  kind: FinanceFormKind;
  values: Record<string, string>;
  errors: FieldErrors;
  choices: FinanceFormChoices;
  submitLabel: string;
  cancelTo: string;
};

/** An amount in euros as Dutch text, the message beside it. */
function AmountField({
  name,
  label,
  values,
  errors,
  hint = f.amountHint,
}: {
  name: string;
  label: string;
  values: Props['values'];
  errors: FieldErrors;
  hint?: string;
}) {
  return (
    <Field label={label} name={name} error={errors[name]} hint={hint}>
      {(p) => (
        <input {...p} type="text" inputMode="decimal" autoComplete="off" defaultValue={values[name] ?? ''} maxLength={AMOUNT_MAX_LENGTH} />
      )}
    </Field>
  );
}

function Select({
  name,
  label,
  values,
  errors,
  options,
  empty,
  hint,
}: {
  name: string;
  label: string;
  values: Props['values'];
  errors: FieldErrors;
  options: { value: string; label: string }[];
  empty?: string;
  hint?: string;
}) {
  return (
    <Field label={label} name={name} error={errors[name]} hint={hint}>
      {(p) => (
        <select {...p} defaultValue={values[name] ?? ''}>
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

const ids = (options: Option[]) => options.map((o) => ({ value: String(o.id), label: o.label }));

/** The form of a stream, an allocation, a commitment or a spending (new and correct). */
export function FinanceForm({ kind, values, errors, choices, submitLabel, cancelTo }: Props) {
  const municipalities = choices.municipalities.map((m) => ({ value: String(m.id), label: m.name }));
  return (
    <EditForm errors={errors} submitLabel={submitLabel} cancelTo={cancelTo}>
      {kind === 'geldstromen' ? (
        <>
          <Field label={f.year} name="year" error={errors.year}>
            {(p) => (
              <input
                {...p}
                type="text"
                inputMode="numeric"
                defaultValue={values.year ?? ''}
                maxLength={4}
                min={FINANCE_YEARS.first}
                max={FINANCE_YEARS.last}
              />
            )}
          </Field>
          <Select
            name="kind"
            label={f.kind}
            values={values}
            errors={errors}
            options={STREAM_KINDS.map((k) => ({ value: k, label: STREAM_KIND_LABELS[k] }))}
          />
          <Field label={f.name} name="name" error={errors.name} hint={f.nameHint}>
            {(p) => <input {...p} type="text" defaultValue={values.name ?? ''} maxLength={TEXT_LIMITS.title} />}
          </Field>
          <AmountField name="receivedCents" label={f.received} values={values} errors={errors} />
          <Select
            name="municipalityId"
            label={f.municipality}
            values={values}
            errors={errors}
            options={municipalities}
            empty={f.noMunicipality}
            hint={f.municipalityStreamHint}
          />
          <AmountField name="carryOverCents" label={f.carryOver} values={values} errors={errors} hint={f.carryOverHint} />
          <AmountField name="repaymentCents" label={f.repayment} values={values} errors={errors} hint={f.carryOverHint} />
          <Field label={f.notes} name="notes" error={errors.notes}>
            {(p) => <textarea {...p} rows={3} defaultValue={values.notes ?? ''} maxLength={TEXT_LIMITS.summary} />}
          </Field>
        </>
      ) : null}
      {kind === 'toewijzingen' ? (
        <>
          <Select name="streamId" label={f.stream} values={values} errors={errors} options={ids(choices.streams)} empty={f.choose} />
          <Select
            name="purpose"
            label={f.purpose}
            values={values}
            errors={errors}
            options={ALLOCATION_PURPOSES.map((p) => ({ value: p, label: ALLOCATION_PURPOSE_LABELS[p] }))}
          />
          <Select
            name="municipalityId"
            label={f.municipality}
            values={values}
            errors={errors}
            options={municipalities}
            empty={f.noMunicipality}
          />
          <Select name="goalId" label={f.goal} values={values} errors={errors} options={ids(choices.goals)} empty={f.noGoal} />
          <Field label={f.action} name="actionId" error={errors.actionId} hint={f.actionHint}>
            {(p) => (
              <select {...p} defaultValue={values.actionId ?? ''}>
                <option value="">{f.noAction}</option>
                {choices.actionGroups.map((group) => (
                  <optgroup key={group.goalId} label={group.label}>
                    {group.options.map((o) => (
                      <option key={o.id} value={String(o.id)}>
                        {o.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </select>
            )}
          </Field>
          <AmountField name="amountCents" label={f.amount} values={values} errors={errors} />
          <Field label={f.description} name="description" error={errors.description}>
            {(p) => <input {...p} type="text" defaultValue={values.description ?? ''} maxLength={TEXT_LIMITS.summary} />}
          </Field>
        </>
      ) : null}
      {kind === 'verplichtingen' ? (
        <>
          <Select
            name="allocationId"
            label={f.allocation}
            values={values}
            errors={errors}
            options={ids(choices.allocations)}
            empty={f.choose}
          />
          <Select
            name="kind"
            label={f.commitmentKind}
            values={values}
            errors={errors}
            options={COMMITMENT_KINDS.map((k) => ({ value: k, label: COMMITMENT_KIND_LABELS[k] }))}
          />
          <Field label={f.party} name="party" error={errors.party} hint={f.partyHint}>
            {(p) => <input {...p} type="text" defaultValue={values.party ?? ''} maxLength={TEXT_LIMITS.label} />}
          </Field>
          <Field label={f.periodFrom} name="periodFrom" error={errors.periodFrom} hint={f.dateHint}>
            {(p) => <input {...p} type="date" defaultValue={values.periodFrom ?? ''} />}
          </Field>
          <Field label={f.periodTo} name="periodTo" error={errors.periodTo} hint={f.dateHint}>
            {(p) => <input {...p} type="date" defaultValue={values.periodTo ?? ''} />}
          </Field>
          <AmountField name="amountCents" label={f.amount} values={values} errors={errors} />
          <Field label={f.reference} name="reference" error={errors.reference}>
            {(p) => <input {...p} type="text" defaultValue={values.reference ?? ''} maxLength={TEXT_LIMITS.label} />}
          </Field>
        </>
      ) : null}
      {kind === 'bestedingen' ? (
        <>
          <Select
            name="allocationId"
            label={f.allocation}
            values={values}
            errors={errors}
            options={ids(choices.allocations)}
            empty={f.choose}
          />
          <Select
            name="commitmentId"
            label={f.commitment}
            values={values}
            errors={errors}
            options={ids(choices.commitments)}
            empty={f.noCommitment}
          />
          <Field label={f.date} name="date" error={errors.date} hint={f.dateHint}>
            {(p) => <input {...p} type="date" defaultValue={values.date ?? ''} />}
          </Field>
          <AmountField name="amountCents" label={f.amount} values={values} errors={errors} />
          <Field label={f.description} name="description" error={errors.description}>
            {(p) => <input {...p} type="text" defaultValue={values.description ?? ''} maxLength={TEXT_LIMITS.summary} />}
          </Field>
        </>
      ) : null}
    </EditForm>
  );
}
