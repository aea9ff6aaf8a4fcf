import { createContext, useContext } from 'react';
import type { WorkspaceServices } from './workspace-services';

export const ServicesContext = createContext<WorkspaceServices | null>(null);

export function useServices(): WorkspaceServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices must be used inside the signed-in workspace');
  return services;
}
