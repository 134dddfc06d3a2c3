// Why an auditor's controls are disabled, said the same way on every control of the Config tab.
export const READ_ONLY_HINT = "Only an Administrator can change the audit configuration.";
