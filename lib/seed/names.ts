/**
 * Name lists for made-up subjects (faker is not a dependency). Each site draws from names common
 * where it is, so a London site does not look like a copy of a New York one.
 */
import type { Rng } from "./random";

export type Region = "us" | "uk";
export type Sex = "female" | "male" | "undifferentiated" | "unknown";

const FEMALE: Record<Region, readonly string[]> = {
  us: [
    "Maria", "Jennifer", "Linda", "Patricia", "Elizabeth", "Susan", "Jessica", "Sarah", "Karen",
    "Lisa", "Nancy", "Ashley", "Kimberly", "Donna", "Michelle", "Carol", "Amanda", "Melissa",
    "Deborah", "Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Angela", "Brenda", "Keisha",
    "Rosa", "Guadalupe", "Mei", "Priya", "Tamika", "Yolanda", "Gloria", "Denise", "Carmen",
  ],
  uk: [
    "Olivia", "Amelia", "Emily", "Charlotte", "Sophie", "Hannah", "Eleanor", "Margaret", "Joan",
    "Pauline", "Janet", "Gillian", "Fiona", "Siobhan", "Aisha", "Niamh", "Harriet", "Lucy",
    "Rachel", "Claire", "Helen", "Alison", "Bethan", "Catriona", "Zainab", "Priya", "Gemma",
    "Lauren", "Shirley", "Beverley", "Kirsty", "Morag", "Rhiannon", "Agnieszka", "Yasmin", "Carol",
  ],
};

const MALE: Record<Region, readonly string[]> = {
  us: [
    "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul",
    "Andrew", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Jose", "Luis", "Darnell",
    "Tyrone", "Wei", "Raj", "Hector", "Curtis", "Dwayne", "Frank", "Gregory",
  ],
  uk: [
    "Oliver", "George", "Harry", "Jack", "Thomas", "William", "James", "Alfie", "Arthur", "Callum",
    "Rhys", "Gareth", "Iain", "Hamish", "Dylan", "Liam", "Owen", "Kieran", "Mohammed", "Imran",
    "Graham", "Nigel", "Derek", "Trevor", "Colin", "Malcolm", "Stuart", "Declan", "Piotr", "Tariq",
    "Ewan", "Fraser", "Dominic", "Rupert", "Clive", "Barry",
  ],
};

const SURNAMES: Record<Region, readonly string[]> = {
  us: [
    "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
    "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore",
    "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark",
    "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres",
    "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
    "Mitchell", "Carter", "Roberts", "Patel", "Chen", "Washington", "Okafor", "Kowalski", "Russo",
  ],
  uk: [
    "Smith", "Jones", "Williams", "Taylor", "Davies", "Evans", "Thomas", "Johnson", "Roberts",
    "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green", "Hall",
    "Wood", "Harris", "Lewis", "Martin", "Jackson", "Clarke", "Clark", "Turner", "Hill", "Scott",
    "Cooper", "Morris", "Ward", "Moore", "King", "Watson", "Baker", "Harrison", "Morgan", "Patel",
    "Young", "Allen", "Mitchell", "James", "Anderson", "Phillips", "Lee", "Bell", "Parker", "Davis",
    "MacDonald", "Campbell", "O'Brien", "Kelly", "Begum", "Khan", "Nowak", "Okonkwo",
  ],
};

export function personName(rng: Rng, sex: Sex, region: Region): string {
  const pool =
    sex === "female" ? FEMALE[region] : sex === "male" ? MALE[region] : rng.chance(0.5) ? FEMALE[region] : MALE[region];
  return `${rng.pick(pool)} ${rng.pick(SURNAMES[region])}`;
}
