/**
 * A block wider than a phone's screen (a table of many columns, a long row of choices) scrolls
 * sideways inside its own box instead of widening the whole page. Where it fits, it changes nothing.
 */
import { Box } from '@mantine/core';
import type { ReactNode } from 'react';

export function HorizontalScroll({ minWidth, children }: { minWidth?: number; children: ReactNode }) {
  // maxWidth: a box in a flex row or a grid cell would otherwise grow to its content's width.
  return (
    <Box data-horizontal-scroll style={{ overflowX: 'auto', maxWidth: '100%' }}>
      {/* On a phone, a table's columns would be squeezed to a word a line: it keeps this width and
          scrolls instead. From the `sm` breakpoint on, tables lay out as they always have. */}
      {minWidth === undefined ? children : <Box miw={{ base: minWidth, sm: 0 }}>{children}</Box>}
    </Box>
  );
}
