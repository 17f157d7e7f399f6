// Names for the large organisation: people drawn from mixed first and last names (unique within
// the organisation, so anyone can be found by name), departments for the CEO's direct reports, and
// an e-mail domain of the organisation's own, since sign-in addresses are unique across all of them.
import type { Random } from "./random";

const FIRST_NAMES = `
  Aaliyah, Abdul, Ada, Adrian, Agnes, Ahmed, Aiko, Aisha, Alba, Aleksander, Alejandro, Alice,
  Amara, Amir, Ana, Anders, Andrea, Anika, Antoine, Anya, Arjun, Astrid, Ayesha, Babajide, Beatriz,
  Ben, Bianca, Bo, Bruno, Camille, Carlos, Carmen, Chen, Chiara, Chloé, Chidi, Clara, Connor,
  Dalia, Daniel, Dara, David, Deepa, Diego, Dmitri, Elena, Elif, Elijah, Emeka, Emma, Erik, Esther,
  Ethan, Fatima, Felix, Fernando, Fiona, Freya, Gabriel, Grace, Hana, Hannah, Hassan, Helena,
  Hiroshi, Ibrahim, Ines, Ingrid, Isabel, Ivan, Jamal, James, Jana, Javier, Jia, Jonas, Jorge,
  Julia, Kai, Kamala, Karim, Kenji, Kwame, Lars, Laura, Leah, Leila, Leon, Liam, Lin, Lucía, Lukas,
  Maja, Malik, Marco, Maria, Mariam, Mateo, Maya, Mei, Mia, Miguel, Mohammed, Nadia, Naomi, Nikhil,
  Nina, Noah, Noor, Olga, Oliver, Omar, Oscar, Pablo, Paula, Pedro, Priya, Rafael, Rahul, Rania,
  Ravi, Rebecca, Rosa, Ruth, Sakura, Samuel, Sara, Sebastian, Sofia, Soren, Sunita, Tariq, Thomas,
  Tomás, Uma, Valentina, Victor, Wei, Xin, Yara, Yasmin, Yuki, Yusuf, Zainab, Zara, Zoe, Zoltan,
  Ayodele, Björn, Catalina`
  .trim()
  .split(/,\s*/);

const LAST_NAMES = `
  Abebe, Adams, Ahmed, Alves, Andersen, Appiah, Bakker, Banerjee, Becker, Bello, Bergström, Brooks,
  Carter, Castillo, Chen, Cohen, Costa, Cruz, Dang, Diallo, Dubois, Duarte, Eriksen, Farouk,
  Fernández, Fischer, Fitzgerald, Fontaine, Garcia, Grant, Gupta, Haddad, Halvorsen, Hansen,
  Hernández, Herrera, Hoffmann, Hosseini, Huang, Ibrahim, Iyer, Jansen, Jensen, Johansson, Kaur,
  Khan, Kim, Kowalski, Kuznetsova, Lambert, Larsen, Laurent, Lee, Lindqvist, Liu, Lopez, Mahlangu,
  Martin, Martínez, Mehta, Mendes, Mensah, Meyer, Molina, Moreau, Morales, Müller, Murphy,
  Nakamura, Nguyen, Nilsson, Novak, Nowak, Nwosu, O'Brien, Okafor, Okonkwo, Oliveira, Osei, Park,
  Patel, Pereira, Petrova, Popescu, Quinn, Rahman, Ramírez, Raman, Reyes, Rossi, Russo, Sato,
  Schmidt, Schneider, Silva, Singh, Sokolov, Stein, Suzuki, Tanaka, Tan, Torres, Tran, Van Dijk,
  Vargas, Verma, Wagner, Walsh, Wang, Watanabe, Webb, Weber, Wong, Wright, Yamamoto, Yılmaz, Young,
  Zahra, Zhang, Zimmermann, Achebe, Bianchi, Chowdhury, Dimitrov, Esposito, Ferreira, Gonzalez,
  Hashemi, Ivanova, Jovanović`
  .trim()
  .split(/,\s*/);

/** The CEO's direct reports head these, in this order (People always among the first five). */
export const DEPARTMENTS = [
  "Engineering",
  "Sales",
  "People",
  "Product",
  "Operations",
  "Customer Success",
  "Marketing",
  "Finance",
  "Design",
  "Data",
  "Legal",
  "Security",
];

/** Where the people team sits: the admins come from it. */
export const PEOPLE_DEPARTMENT = "People";

/** `Large Org 10000` → `large-org-10000.test`. */
export function emailDomainFor(orgName: string): string {
  const ascii = orgName.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${slug || "org"}.test`;
}

function localPart(name: string): string {
  const ascii = name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ı/g, "i");
  return ascii
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.+|\.+$/g, "");
}

/**
 * Draws `count` distinct full names; past what first × last names can give, a middle initial tells
 * namesakes apart. E-mails are first.last@domain, numbered in the rare case two names spell the same.
 */
export function drawNames(
  random: Random,
  count: number,
  domain: string,
): Array<{ name: string; email: string }> {
  const names = new Set<string>();
  const emails = new Set<string>();
  const result: Array<{ name: string; email: string }> = [];
  while (result.length < count) {
    let name = "";
    for (let attempt = 0; attempt < 30 && (name === "" || names.has(name)); attempt++) {
      name = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
    }
    if (names.has(name)) {
      const [first, ...last] = name.split(" ");
      name = `${first} ${String.fromCharCode(65 + random.int(0, 25))}. ${last.join(" ")}`;
      if (names.has(name)) continue;
    }
    names.add(name);
    let local = localPart(name);
    for (let n = 2; emails.has(local); n++) local = `${localPart(name)}.${n}`;
    emails.add(local);
    result.push({ name, email: `${local}@${domain}` });
  }
  return result;
}
