/**
 * Saving the library item form (new and edit): read the request (multipart with a file,
 * or a plain form), check every field and the file's type by its content, and only when
 * all is well store the file and write the item. On any problem nothing is stored —
 * no row and no file.
 */
import { t } from '../../i18n';
import { type LibraryFieldErrors, type LibraryFormValues, type LibraryKind, readLibraryItemForm } from '../../schemas/library';
import { createOnce, submissionKeyOf } from '../submissions.server';
import { createLibraryItem, findLibraryReferenceErrors, type StoredUpload, updateLibraryItem } from './library.server';
import { resolveLibraryAction } from './library-action-choice.server';
import { detectUploadType, readUploadForm, storeFile, type UploadedFile } from './upload.server';
import { extractUploadText } from './upload-text.server';

const m = t.library.errors;

/** The name of the file input in the item form (the last field, see readUploadForm). */
export const FILE_FIELD = 'file';

export type LibraryFormResult = { ok: true; id: number } | { ok: false; fieldErrors: LibraryFieldErrors; values: LibraryFormValues };

async function readRequest(request: Request): Promise<{ formData: FormData; file: UploadedFile | null; problem: string | null }> {
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.startsWith('multipart/form-data')) {
    try {
      return { formData: await request.formData(), file: null, problem: null };
    } catch {
      return { formData: new FormData(), file: null, problem: m.formUnreadable };
    }
  }
  const upload = await readUploadForm(request);
  const problem =
    upload.problem === null
      ? null
      : upload.problem.kind === 'fileTooLarge'
        ? m.fileTooLarge
        : upload.problem.kind === 'formTooLarge'
          ? m.formTooLarge
          : m.formUnreadable;
  return { formData: upload.formData, file: upload.files.get(FILE_FIELD) ?? null, problem };
}

/**
 * The action typed in the form's "Actie koppelen" (where the actions are too many for
 * checkboxes, decision 038) becomes one more `actionIds`, so the rest of the form reads
 * as before, and a form shown again lists it among the chosen ones; a text that names no
 * action, or several, is left as typed and its Dutch message returned.
 */
function readTypedAction(formData: FormData): string | null {
  const typed = formData.get('actionChoice');
  if (typeof typed !== 'string') return null;
  const resolved = resolveLibraryAction(typed);
  if (!resolved.ok) return resolved.message;
  if (resolved.actionId !== null) formData.append('actionIds', String(resolved.actionId));
  formData.set('actionChoice', '');
  return null;
}

/**
 * Checks and saves the form. `existing` is the item being edited (its kind cannot
 * change); without it a new item is created. A document needs a file when it is new;
 * when edited, a file is optional and becomes the next version.
 */
export async function submitLibraryItemForm({
  request,
  userId,
  kind,
  existingId = null,
}: {
  request: Request;
  userId: number;
  kind?: LibraryKind;
  existingId?: number | null;
}): Promise<LibraryFormResult> {
  const { formData, file, problem } = await readRequest(request);
  if (kind) formData.set('kind', kind);
  const typedAction = readTypedAction(formData);
  const form = readLibraryItemForm(formData);
  const fieldErrors: LibraryFieldErrors = form.ok ? findLibraryReferenceErrors(form.data) : { ...form.fieldErrors };
  if (typedAction) fieldErrors.actionChoice = typedAction;

  const isDocument = form.values.kind === 'document';
  let detected: Awaited<ReturnType<typeof detectUploadType>> = null;
  if (problem === m.fileTooLarge) fieldErrors[FILE_FIELD] = problem;
  else if (problem) fieldErrors._form = problem;
  else if (isDocument && file) {
    detected = await detectUploadType(file.bytes);
    if (!detected) fieldErrors[FILE_FIELD] = m.fileTypeRefused;
  } else if (isDocument && existingId === null) {
    fieldErrors[FILE_FIELD] = m.fileRequired;
  }
  if (!form.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, values: form.values };

  let upload: StoredUpload | null = null;
  if (isDocument && file && detected) {
    const stored = await storeFile(file.bytes);
    upload = {
      ...stored,
      mimeType: detected.mime,
      originalName: file.name,
      extractedText: await extractUploadText(file.bytes, detected.mime),
    };
  }
  if (existingId === null) {
    const id = createOnce({ userId, key: submissionKeyOf(formData), scope: 'library-item' }, () =>
      createLibraryItem({ userId, kind: form.data.kind, input: form.data, upload }),
    );
    return { ok: true, id };
  }
  updateLibraryItem({ id: existingId, userId, input: form.data, upload });
  return { ok: true, id: existingId };
}
