// Plain building blocks for e-mails: every template gives a text and an HTML body.
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => entities[c] ?? c);
}

/** Paragraphs of text, and an optional call to action, as both text and simple HTML. */
export function composeMail(input: {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
}): RenderedMail {
  const text = [
    ...input.paragraphs,
    ...(input.action ? [`${input.action.label}: ${input.action.url}`] : []),
    "— Fivefold",
  ].join("\n\n");
  const html = [
    `<div style="font-family:system-ui,sans-serif;max-width:560px;line-height:1.5">`,
    ...input.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    input.action
      ? `<p><a href="${escapeHtml(input.action.url)}" style="background:#364fc7;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(input.action.label)}</a></p>`
      : "",
    `<p style="color:#555">— Fivefold</p></div>`,
  ].join("");
  return { subject: input.subject, text, html };
}
