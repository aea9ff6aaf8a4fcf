import type { CallOutput } from '@switchboard/protocol';
import { useQuery } from '@tanstack/react-query';
import { useApi } from './api';

/** The admin lists, each cached under its route name; every save invalidates them all. */
export type ListName =
  | 'listSkills'
  | 'listUsers'
  | 'listApiClients'
  | 'getSupervisorSwitches'
  | 'getSentimentSetting'
  | 'getReportSettings'
  | 'listCapacityProfiles'
  | 'listPresences'
  | 'listOperatingHours'
  | 'listQueueConfigs'
  | 'listWorkstreams'
  | 'listChatWidgets'
  | 'listChannels'
  | 'listTemplates'
  | 'listAutomatedMessages'
  | 'listNotificationTemplates'
  | 'listQuickReplies'
  | 'listDispositionCodes'
  | 'listMacros'
  | 'listScripts'
  | 'listAgents'
  | 'getRoutingSettings'
  | 'getAttachmentSettings';

export function useList<N extends ListName>(name: N, enabled = true) {
  const call = useApi();
  return useQuery<CallOutput<N>>({ queryKey: [name], queryFn: () => call(name), enabled });
}
