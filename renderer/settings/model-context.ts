// The open settings screen's model, for the sections without prop drilling.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SettingsModel, SettingsModelState } from './settings-model';

export const ModelContext = createContext<SettingsModel | null>(null);

export function useModel(): SettingsModel {
  const model = useContext(ModelContext);
  if (!model) throw new Error('settings sections need a ModelContext');
  return model;
}

export function useSettings<T>(selector: (state: SettingsModelState) => T): T {
  return useStore(useModel().store, selector);
}
