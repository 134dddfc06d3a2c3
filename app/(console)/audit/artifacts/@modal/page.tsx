// Back on the tab itself (a soft navigation from an open diff): close the diff.
export default function NoModal() {
  return null;
}
