/**
 * Extension point of the organisation page. Each module adds a section (its plan, ITA score,
 * procurement leads, complaints…) from its own file, e.g. features/plans/PlansSection.tsx:
 *
 *   registerOrganizationSection({ id: 'plans', order: 30, Component: PlansSection });
 *
 * and imports that file from its feature's index.ts, which App.tsx imports. Sections render in
 * `order`; a section returns null when it has nothing to show, otherwise a <section> with an h2.
 */
import type { ComponentType } from 'react';
import type { Organization } from '@prongsai/contracts';

export interface OrganizationSectionProps {
  organization: Organization;
}

export interface OrganizationSection {
  /** Stable id; also the section's anchor (#id). */
  id: string;
  /** Lower first. Built-in: details 10, oversight 20, open data 90. */
  order: number;
  Component: ComponentType<OrganizationSectionProps>;
}

export const organizationSections: OrganizationSection[] = [];

/** Adds a section, or replaces the one with the same id. */
export function registerOrganizationSection(section: OrganizationSection): void {
  const index = organizationSections.findIndex((s) => s.id === section.id);
  if (index === -1) organizationSections.push(section);
  else organizationSections[index] = section;
}

export function sortedSections(): OrganizationSection[] {
  return [...organizationSections].sort((a, b) => a.order - b.order);
}
