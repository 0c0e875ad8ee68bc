// Files in chat and appeals: picking and uploading them, thumbnails that open the full image, other files as links.
import { ErrorText, html, useUniqueId } from "./common.js";
import { useEffect, useRef, useState } from "../../vendor/htm-preact.module.js";

const ACCEPT = "image/jpeg,image/png,image/webp,application/pdf";

/**
 * A message's or an appeal's files: images as thumbnails that open in a dialog (a link to the full image, so a new
 * tab works too), PDFs as links.
 */
export function AttachmentList({ attachments }) {
  const [open, setOpen] = useState(null);
  if (!attachments?.length) return null;
  return html`<ul class="attachments" aria-label="Attachments">
    ${attachments.map((attachment) => html`<li key=${attachment.id}>${attachment.kind === "image" && attachment.thumbnailUrl
      ? html`<a class="thumbnail" href=${attachment.url} target="_blank" rel="noopener" aria-label=${`Open ${attachment.name}`}
            onClick=${(event) => { event.preventDefault(); setOpen(attachment); }}>
          <img src=${attachment.thumbnailUrl} alt=${attachment.name} width=${thumbnailSize(attachment).width}
            height=${thumbnailSize(attachment).height} /></a>`
      : html`<a class="file" href=${attachment.url} target="_blank" rel="noopener">${attachment.name}
          <span class="muted"> (${kindOf(attachment)}, ${size(attachment.size)})</span></a>`}</li>`)}
    ${open && html`<${ImageDialog} attachment=${open} onClose=${() => setOpen(null)} />`}
  </ul>`;
}

/** The full image, in a modal dialog named after the file; Escape or Close shuts it. */
function ImageDialog({ attachment, onClose }) {
  const dialog = useRef(null);
  const titleId = useUniqueId("image-title");
  useEffect(() => {
    dialog.current.showModal();
    return () => dialog.current?.close();
  }, []);
  return html`<dialog ref=${dialog} class="dialog image-view" aria-labelledby=${titleId} onClose=${onClose}>
    <div class="image-head">
      <h2 id=${titleId}>${attachment.name}</h2>
      <button type="button" class="quiet" onClick=${onClose}>Close</button>
    </div>
    <img src=${attachment.url} alt=${attachment.name} />
  </dialog>`;
}

/**
 * A file input that uploads each chosen file at once and lists what is ready to go, each with Remove.
 * @param upload   uploads one File, resolving with its Attachment
 * @param files    the Attachments uploaded so far; onChange gets the new list
 */
export function AttachInput({ label, upload, files, onChange, multiple = false }) {
  const id = useUniqueId("attach");
  const [busy, setBusy] = useState(0);
  const [error, setError] = useState(null);
  const latest = useRef(files);
  latest.current = files;
  const chosen = async (event) => {
    const input = event.currentTarget;
    const picked = [...input.files];
    input.value = "";
    setError(null);
    setBusy((n) => n + picked.length);
    for (const file of picked) {
      try {
        const attachment = await upload(file);
        onChange([...latest.current, attachment]);
      } catch (failure) {
        setError(failure);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  };
  return html`<div class="attach">
    <label for=${id}>${label}</label>
    <input id=${id} type="file" accept=${ACCEPT} multiple=${multiple} onChange=${chosen} />
    ${busy > 0 && html`<span role="status">Uploading…</span>`}
    ${files.length > 0 && html`<ul class="staged" aria-label="Files to send">${files.map((file) => html`<li key=${file.id}>
      ${file.name} <button type="button" class="quiet" onClick=${() => onChange(files.filter((other) => other !== file))}>
        Remove<span class="sr-only"> ${file.name}</span></button></li>`)}</ul>`}
    <${ErrorText} error=${error} />
  </div>`;
}

function thumbnailSize({ width, height }) {
  if (!width || !height) return { width: undefined, height: undefined };
  const scale = Math.min(1, 160 / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

function kindOf(attachment) {
  return attachment.mime === "application/pdf" ? "PDF" : attachment.mime;
}

function size(bytes) {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
