/** What activating an element does (the phone's own reaction, see screen-actions.ts). */
export type SoftKeyId =
  | 'newCall'
  | 'redial'
  | 'dnd'
  | 'send'
  | 'delete'
  | 'cancel'
  | 'answer'
  | 'ignore'
  | 'reject'
  | 'hold'
  | 'resume'
  | 'endCall'
  | 'transfer';

export type UiAction =
  | { kind: 'softKey'; id: SoftKeyId }
  | { kind: 'lineKey'; line: number }
  | { kind: 'call'; handle: string }
  | { kind: 'digit'; digit: string };

/** One widget of the screen; coordinates are absolute pixels of the model's screen. */
export interface UiElement {
  cls: string;
  name: string;
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
  selected?: boolean;
  enabled?: boolean;
  /** Extra attributes written to the XML (line, state, handle, page…). */
  attributes?: Record<string, string>;
  action?: UiAction;
  children?: UiElement[];
}

export type ScreenView = 'Idle' | 'Dialing' | 'Transfer' | 'Incoming' | 'Calls';

export interface Screen {
  view: ScreenView;
  width: number;
  height: number;
  root: UiElement[];
  /** Softkeys in order; SoftKey1–4 press these. */
  softKeys: SoftKeyId[];
}

/** Labels the phone prints on its softkeys. */
export const SOFT_KEY_LABELS: Record<SoftKeyId, string> = {
  newCall: 'New Call',
  redial: 'Redial',
  dnd: 'DND',
  send: 'Send',
  delete: 'Delete',
  cancel: 'Cancel',
  answer: 'Answer',
  ignore: 'Ignore',
  reject: 'Reject',
  hold: 'Hold',
  resume: 'Resume',
  endCall: 'End Call',
  transfer: 'Transfer',
};
