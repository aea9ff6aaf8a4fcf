import { Button, Menu, MenuItem, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useAgentMacros } from './use-script';

/** The Macros menu (AG8): any of the organisation's macros, run in this conversation. */
export function MacrosMenu({ disabled, onRun }: { disabled: boolean; onRun(m: { id: string; name: string }): void }) {
  const { t } = useTranslation();
  const macros = useAgentMacros();
  const list = macros.data ?? [];
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button size="small" data-testid="macros-menu" disabled={disabled}>
          {t('script.macros')}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {list.length === 0 && <MenuItem disabled>{t('script.noMacros')}</MenuItem>}
          {list.map((m) => (
            <MenuItem key={m.id} data-testid="macro-item" data-name={m.name} onClick={() => onRun(m)}>
              {m.name}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
