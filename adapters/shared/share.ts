// "Share in channel": the button's label and the line that says who shared, the same on every platform.

export const SHARE_LABEL = 'Share in channel';

/** The context line of a shared reply; a member whose name the platform did not give is "a member". */
export function sharedByLine(name: string | undefined): string {
  return `Shared by ${name === undefined || name.trim() === '' ? 'a member' : name}`;
}
