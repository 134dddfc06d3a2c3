// The remover's cron pattern in words, for the Config tab: "Every day at 02:00". Patterns it does
// not recognise are shown as written. Pure: safe in client code.

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const pad = (value: string) => value.padStart(2, "0");

export function describeSchedule(pattern: string): string {
  const fields = pattern.trim().split(/\s+/);
  if (fields.length !== 5) return `Cron "${pattern}"`;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  if (!/^\d{1,2}$/.test(minute) || !/^\d{1,2}$/.test(hour) || month !== "*") return `Cron "${pattern}"`;
  const at = `at ${pad(hour)}:${pad(minute)}`;
  if (dayOfMonth === "*" && dayOfWeek === "*") return `Every day ${at}`;
  if (dayOfMonth === "*" && /^[0-7]$/.test(dayOfWeek)) return `Every ${WEEKDAYS[Number(dayOfWeek) % 7]} ${at}`;
  if (dayOfMonth === "*" && dayOfWeek === "1-5") return `Every weekday ${at}`;
  if (/^\d{1,2}$/.test(dayOfMonth) && dayOfWeek === "*") return `On day ${dayOfMonth} of every month ${at}`;
  return `Cron "${pattern}"`;
}
