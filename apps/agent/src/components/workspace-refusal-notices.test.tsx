import { Toaster } from '@fluentui/react-components';
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../test/render';
import { useWorkspaceRefusals } from '../state/workspace-refusals';
import { TOASTER_ID } from './notify';
import { WorkspaceRefusalNotices } from './workspace-refusal-notices';

const LIMIT =
  "At most 2 sessions can be open at once (the organisation's session limit): close a session first";

describe('a workspace change the server refused (AG3)', () => {
  afterEach(cleanup);

  it('is told to the agent once, in their language, with the reason', async () => {
    renderWithProviders(
      <>
        <WorkspaceRefusalNotices />
        <Toaster toasterId={TOASTER_ID} />
      </>,
    );
    act(() => useWorkspaceRefusals.getState().refused(LIMIT));
    await waitFor(() => expect(screen.getByText(`The workspace did not take that: ${LIMIT}`)).toBeTruthy());
    expect(useWorkspaceRefusals.getState().messages).toEqual([]);
    expect(screen.getAllByText(/The workspace did not take that/)).toHaveLength(1);
  });
});
