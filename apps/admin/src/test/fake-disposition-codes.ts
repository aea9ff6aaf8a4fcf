import type { DispositionCode, NewDispositionCode, RouteName } from '@switchboard/protocol';

/** `used`: codes a conversation carries, which the server refuses to delete. */
export type DispositionCodeState = { dispositionCodes: DispositionCode[]; usedDispositionCodes: string[] };

type Reply = { status: number; body: unknown };
type Request = { name: RouteName; params: Record<string, string>; body: unknown };

const refuse = (statusCode: number, error: string, message: string): Reply => ({
  status: statusCode,
  body: { statusCode, error, message },
});

/** The disposition code routes of the fake admin API (AG4), as the server answers an admin: retired ones too. */
export function handleDispositionCodes(
  state: DispositionCodeState,
  req: Request,
  newId: () => string,
): Reply | undefined {
  const { name, params, body } = req;
  const index = state.dispositionCodes.findIndex((c) => c.id === params.id);
  const sorted = () => [...state.dispositionCodes].sort((a, b) => a.name.localeCompare(b.name));
  const taken = (n: string, id?: string) => state.dispositionCodes.some((c) => c.name === n && c.id !== id);
  switch (name) {
    case 'listDispositionCodes':
      return { status: 200, body: sorted() };
    case 'createDispositionCode':
    case 'updateDispositionCode': {
      const data = { active: true, ...(body as Partial<NewDispositionCode>) } as NewDispositionCode;
      if (name === 'updateDispositionCode' && index < 0) return refuse(404, 'Not Found', 'Not found');
      if (taken(data.name, params.id))
        return refuse(409, 'Conflict', `a disposition code named "${data.name}" already exists`);
      const code: DispositionCode = { ...data, id: params.id ?? newId() };
      if (index < 0) state.dispositionCodes.push(code);
      else state.dispositionCodes[index] = code;
      return { status: 200, body: code };
    }
    case 'deleteDispositionCode':
      if (index < 0) return refuse(404, 'Not Found', 'Not found');
      if (state.usedDispositionCodes.includes(params.id!))
        return refuse(409, 'Conflict', 'conversations carry this disposition code: retire it instead');
      state.dispositionCodes.splice(index, 1);
      return { status: 200, body: { ok: true } };
    default:
      return undefined;
  }
}
