/** A button that asks before an action that cannot be undone (design-system Dialog). */
import * as React from 'react';
import { Button, Dialog, Flex, Typography, type ButtonProps } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import { useT } from '../utils/translate';

interface ConfirmActionProps {
  /** the button that opens the dialog */
  label: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | unknown;
  variant?: ButtonProps['variant'];
  startIcon?: React.ReactNode;
  disabled?: boolean;
  loading?: boolean;
  size?: ButtonProps['size'];
}

export const ConfirmAction = ({
  label,
  title,
  children,
  confirmLabel,
  onConfirm,
  variant = 'danger',
  startIcon,
  disabled,
  loading,
  size,
}: ConfirmActionProps) => {
  const t = useT();
  const [open, setOpen] = React.useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger>
        <Button
          variant={variant}
          startIcon={startIcon}
          disabled={disabled}
          loading={loading}
          size={size}
        >
          {label}
        </Button>
      </Dialog.Trigger>
      <Dialog.Content>
        <Dialog.Header>{title}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" />}>
          <Flex direction="column" gap={2} alignItems="stretch">
            {typeof children === 'string' ? (
              <Typography textAlign="center">{children}</Typography>
            ) : (
              children
            )}
          </Flex>
        </Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('common.back')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button
              fullWidth
              variant={variant === 'danger' ? 'danger-light' : 'default'}
              onClick={async () => {
                setOpen(false);
                await onConfirm();
              }}
            >
              {confirmLabel}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
};
