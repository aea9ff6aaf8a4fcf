import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { LanguageSelect } from './language-select';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto' },
  onBrand: { color: tokens.colorNeutralForegroundOnBrand },
});

/**
 * The bar across the top of a staff app: the organisation and which app this is, the signed-in
 * person, the language and sign-out; `children` go before the person (an app's own controls).
 */
export function StaffHeader(props: {
  orgName: string | undefined;
  appName: string;
  userName: string | undefined;
  signOutLabel: string;
  onSignOut(): void;
  children?: ReactNode;
}) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <Text weight="semibold" size={400}>
          {props.orgName}
        </Text>
        <Text size={200}>{props.appName}</Text>
      </div>
      {props.children}
      <Text className={styles.onBrand} weight="semibold">
        {props.userName}
      </Text>
      <LanguageSelect />
      <Button data-testid="sign-out" onClick={props.onSignOut}>
        {props.signOutLabel}
      </Button>
    </header>
  );
}
