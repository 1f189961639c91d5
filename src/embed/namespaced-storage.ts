type FlowStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * The journey's storage, one record per instance alias: a frame for another instance in the same
 * tab starts its own journey instead of resuming someone else's.
 */
export function namespacedStorage(storage: FlowStorage, alias: string): FlowStorage {
  const key = (name: string) => `${name}@${alias}`;
  return {
    getItem: (name) => storage.getItem(key(name)),
    setItem: (name, value) => storage.setItem(key(name), value),
    removeItem: (name) => storage.removeItem(key(name)),
  };
}
