/**
 * Reading a meeting's notes on the server (the same reader as every real-time document;
 * the server's own edits go through the live bridge, app/models/collab/live-bridge.server.ts).
 */
export { readDocumentJson as readNotesJson } from '../../collab/document-json.server';
