/** An Alert whose close button hides it until its text changes. */
import * as React from 'react';
import { Alert, type AlertProps } from '@strapi/design-system';

export const DismissibleAlert = ({ children, ...props }: Omit<AlertProps, 'onClose'>) => {
  const text = typeof children === 'string' ? children : '';
  const [closed, setClosed] = React.useState<string | null>(null);
  if (closed !== null && closed === text) return null;
  return (
    <Alert {...props} onClose={() => setClosed(text)}>
      {children}
    </Alert>
  );
};
