/** Something holding device memory. */
export interface Disposable {
  dispose(): void;
}

/**
 * Collects what an experiment allocates outside the training steps' tidy scopes (data tensors,
 * models) and frees it all at the end, also when the experiment throws.
 */
export class Disposer {
  private readonly items: Disposable[] = [];

  own<T extends Disposable>(item: T): T {
    this.items.push(item);
    return item;
  }

  dispose(): void {
    for (const item of this.items.splice(0).reverse()) item.dispose();
  }
}
