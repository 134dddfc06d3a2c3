// The people of the demo company: three console accounts, a cast of colleagues whose names exercise
// every script the console must render (Zoë, Łukasz, 山田, Ελένη, Дмитрий), and as many ordinary
// names as the requested size needs. Usernames are ASCII and unique, like an LDAP directory's.
import type { Random } from "./random";

export interface Person {
  username: string;
  displayName: string;
  email: string;
}

export const CONSOLE_ACCOUNTS = [
  { username: "admin", password: "demo-admin", displayName: "Ada Admin", consoleRole: "ADMIN" },
  { username: "auditor", password: "demo-auditor", displayName: "Audrey Auditor", consoleRole: "AUDITOR" },
  { username: "viewer", password: "demo-viewer", displayName: "Victor Viewer", consoleRole: "NONE" },
] as const;

/**
 * People every seed has in the same state, whatever the seed number and size, for tests and demos to
 * rely on: long-standing, enabled and busy accounts, and one account disabled during the window.
 */
export const STEADY_USERS = ["zoe.muller", "lukasz.zolc", "taro.yamada", "jnunez"];
export const DISABLED_USER = "dmitry.ivanov";

/** Names in scripts a romanizer cannot fold: each with the username its owner chose. */
const NAMED_PEOPLE: [displayName: string, username: string][] = [
  ["Zoë Müller", "zoe.muller"],
  ["Łukasz Żółć", "lukasz.zolc"],
  ["山田 太郎", "taro.yamada"],
  ["Ελένη Παπαδοπούλου", "eleni.papadopoulou"],
  ["José Núñez", "jnunez"],
  ["Søren Østergaard", "soren.ostergaard"],
  ["Дмитрий Иванов", "dmitry.ivanov"],
  ["François Lefèvre", "flefevre"],
  ["Siobhán O'Connor", "soconnor"],
  ["Jürgen Weiß", "jweiss"],
  ["Ayşe Yılmaz", "ayse.yilmaz"],
  ["Björn Åkesson", "bjorn.akesson"],
  ["Małgorzata Wiśniewska", "mwisniewska"],
  ["Nguyễn Văn An", "an.nguyen"],
  ["佐藤 花子", "hanako.sato"],
  ["王伟", "wei.wang"],
  ["김민준", "minjun.kim"],
  ["Γιώργος Νικολάου", "gnikolaou"],
  ["Анна Смирнова", "anna.smirnova"],
  ["Олена Коваленко", "olena.kovalenko"],
  ["Ana Lúcia Gonçalves", "agoncalves"],
  ["Chloé Dubois", "chloe.dubois"],
  ["Oğuz Şahin", "oguz.sahin"],
  ["Ingrid Ødegård", "iodegard"],
];

const FIRST_NAMES = `James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Barbara Richard Susan
Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Emily Mark Megan Andrew Laura Steven
Rachel Kevin Hannah Brian Olivia George Emma Edward Sophie Peter Anna Paul Julia Lukas Lena Jonas Marie Felix Clara
Matteo Giulia Luca Chiara Pablo Lucía Javier Carmen Hugo Camille Louis Léa Mathieu Élodie Piotr Katarzyna Tomasz
Agnieszka Erik Astrid Lars Freja Mikael Arjun Priya Rahul Ananya Vikram Sneha Omar Leila Yusuf Amira Kwame Ama
Chinedu Ngozi Diego Valentina Mateo Isabela Noah Mia Ethan Ava Liam Chloe Sven Greta Henrik Maja Jan Eva Tobias Nina
Stefan Petra Martin Jana Oliver Amelia Samuel Grace Benjamin Ruth Aaron Naomi Raúl Inés Andrés Paula Rafael Beatriz`
  .split(/\s+/)
  .filter(Boolean);

const LAST_NAMES = `Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin Jackson
Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright Scott Green Baker Adams Nelson Hill Campbell
Mitchell Roberts Carter Phillips Evans Turner Parker Collins Edwards Stewart Morris Murphy Cook Rogers Morgan Cooper
Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray Hughes Price Sanders Patel
Shah Kumar Singh Gupta Schmidt Schneider Fischer Weber Wagner Becker Hoffmann Schulz Koch Richter Klein Wolf Neumann
Schwarz Zimmermann Krüger Hartmann Lange Werner Rossi Russo Ferrari Esposito Bianchi Romano Colombo García Fernández
López Martínez Sánchez Pérez Gómez Jiménez Ruiz Durand Leroy Moreau Simon Laurent Lefebvre Michel Nowak Kowalski
Wójcik Kamiński Lewandowski Andersson Johansson Karlsson Nilsson Eriksson Larsen Hansen Nielsen Jensen Pedersen
Virtanen Korhonen Novák Horváth Kovács Silva Santos Oliveira Costa Pereira Okafor Mensah Haddad Nasser Cohen Levi
Tanaka Kim Nguyen Chen Wang Zhang Liu O'Brien MacDonald Jansen Bakker Visser Dvořák Popescu Ionescu Petrov Yilmaz`
  .split(/\s+/)
  .filter(Boolean);

const FOLDS: Record<string, string> = { ł: "l", ø: "o", ß: "ss", æ: "ae", đ: "d", ı: "i", œ: "oe", þ: "th" };

/** "Łukasz Żółć" -> "lukasz zolc": letters a username may hold. */
export function romanize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[łøßæđıœþ]/g, (letter) => FOLDS[letter])
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9 ]/g, "");
}

export const COMPANY_DOMAIN = "medtech.example.com";
export const CONTRACTOR_DOMAIN = "partner.example.net";

/** `count` people (after the console accounts), deterministic for a given random stream. */
export function generatePeople(count: number, rng: Random): Person[] {
  const taken = new Set<string>(CONSOLE_ACCOUNTS.map((account) => account.username));
  const people: Person[] = [];
  const add = (displayName: string, username: string) => {
    let unique = username;
    for (let n = 2; taken.has(unique); n++) unique = `${username}${n}`;
    taken.add(unique);
    people.push({ username: unique, displayName, email: `${unique}@${COMPANY_DOMAIN}` });
  };
  for (const [displayName, username] of NAMED_PEOPLE.slice(0, count)) add(displayName, username);
  while (people.length < count) {
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const [given, family] = [romanize(first).replace(/ /g, ""), romanize(last).replace(/ /g, "")];
    const style = rng.next();
    const username = style < 0.5 ? `${given}.${family}` : style < 0.85 ? `${given[0]}${family}` : `${given}${family[0]}`;
    add(`${first} ${last}`, username);
  }
  return people;
}
