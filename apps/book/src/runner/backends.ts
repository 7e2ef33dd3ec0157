import { DltsError, loadBackend, registeredBackends, resolveBackendChoice, setBackendOptions, type DType } from 'dlts';

export interface BackendPlan {
  readonly name: string;
  /** Why this backend cannot run the requested dtype (it did not load, or lacks the dtype). */
  readonly skip?: string;
}

/**
 * The backends to run on. `all`: every backend registered with dlts (the built-in ones and any
 * registered later), each loaded; one that fails to load is kept with the reason, so the table
 * shows it. A single name must load and have the dtype, else this throws. Without a name the
 * usual choice applies (DLTS_BACKEND, then dlts.config.json, then cpu). Options for backends from
 * dlts.config.json reach their loaders as with ready().
 */
export async function planBackends(requested: string | undefined, dtype: DType): Promise<BackendPlan[]> {
  const choice = resolveBackendChoice({ argv: [], ...(requested && requested !== 'all' ? { explicit: requested } : {}) });
  for (const [name, opts] of Object.entries(choice.config.backends ?? {})) setBackendOptions(name, opts);
  if (requested !== 'all') {
    const backend = await loadBackend(choice.name);
    if (!backend.dtypes.includes(dtype)) {
      throw new DltsError(`backend '${choice.name}' has no ${dtype} (it supports ${backend.dtypes.join(', ')}); pass --dtype ${backend.dtypes.find((d) => d !== 'int32') ?? 'float32'}`);
    }
    return [{ name: choice.name }];
  }
  const plans: BackendPlan[] = [];
  for (const name of registeredBackends()) {
    try {
      const backend = await loadBackend(name);
      plans.push(backend.dtypes.includes(dtype) ? { name } : { name, skip: `no ${dtype} (supports ${backend.dtypes.join(', ')})` });
    } catch (e) {
      plans.push({ name, skip: `unavailable: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return plans;
}
