// A minimal event emitter: the client's and a conversation's events for whatever shows them.
export class Emitter {
  #handlers = new Map();

  /** @returns a function that removes the handler */
  on(type, handler) {
    if (!this.#handlers.has(type)) this.#handlers.set(type, new Set());
    this.#handlers.get(type).add(handler);
    return () => this.#handlers.get(type).delete(handler);
  }

  emit(type, ...args) {
    for (const handler of [...(this.#handlers.get(type) ?? [])]) handler(...args);
  }
}
