// The UI kit: one place for each look. Server components, except where a file says 'use client'.
export { Button, buttonClass, type ButtonVariant } from './button';
export { Card } from './card';
export { ConfirmButton } from './confirm-button';
export { DataTable, RowHeader, Td, Tr } from './data-table';
export { Notice } from './notice';
export { PageHeader } from './page-header';
