// No diff open.
export default function NoModal() {
  return null;
}
