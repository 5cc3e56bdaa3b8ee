/** A warning that stays (the design system's Alert always offers to close itself). */
import { Box, Flex, Typography } from '@strapi/design-system';
import { WarningCircle } from '@strapi/icons';
import * as React from 'react';

interface WarningProps {
  title: string;
  children: React.ReactNode;
  action?: React.ReactNode;
  /** smaller text and padding, e.g. in the Content Manager's side panel */
  compact?: boolean;
}

export const Warning = ({ title, children, action, compact = false }: WarningProps) => (
  <Box
    background="warning100"
    borderColor="warning200"
    hasRadius
    padding={compact ? 3 : 5}
    data-testid="employer-check-warning"
  >
    <Flex alignItems="flex-start" gap={3}>
      <Box paddingTop={compact ? 0 : 1} shrink={0}>
        <WarningCircle fill="warning600" width="1.6rem" height="1.6rem" aria-hidden />
      </Box>
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography
          tag="p"
          fontWeight="bold"
          textColor="neutral800"
          variant={compact ? 'pi' : 'omega'}
        >
          {title}
        </Typography>
        <Typography tag="div" textColor="neutral800" variant={compact ? 'pi' : 'omega'}>
          {children}
        </Typography>
        {action}
      </Flex>
    </Flex>
  </Box>
);
