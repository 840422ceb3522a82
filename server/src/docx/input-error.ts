/**
 * A file the review or the import cannot read as a Word document: not a
 * `.docx`, a Word 97 `.doc`, password-protected, damaged or too large. The
 * message is for the user, Vietnamese first; nothing is written.
 */
export class DocxInputError extends Error {}
