// German wording of the built-in version 1's behaviours, keyed by item id, so an organisation that
// edits its instrument starts from both languages and the coming i18n can show them.
export const INSTRUMENT_V1_GERMAN: Readonly<Record<string, string>> = Object.freeze({
  "inspire.1": "Sucht die Zustimmung des Teams zum weiteren Vorgehen, statt nur Anweisungen zu verteilen",
  "inspire.2": "Nimmt sich vor einem großen Vorhaben Zeit, jede Sichtweise im Einzelgespräch zu hören",
  "inspire.3": "Baut echte Arbeitsbeziehungen auf, lange bevor eine Entscheidung ansteht",
  "inspire.4": "Wirkt aufrichtig im Umgang mit anderen, nicht wie bei einem Auftritt oder einer Pflichtübung",
  "vision.1": "Bezieht das Team ein, wenn Richtung und Ziele für das nächste Quartal festgelegt werden",
  "vision.2": "Verteilt sinnvolle Arbeit gerecht, sodass jede Person einen Teil des Ziels verantwortet",
  "vision.3": "Fragt regelmäßig nach, um Fortschritt zu fördern, ohne die Arbeit an sich zu ziehen",
  "vision.4": "Ist erreichbar und bietet Hilfe an, wenn jemand nicht weiterkommt",
  "empower.1": "Lässt Menschen selbst entscheiden, wie sie eine Aufgabe lösen, wenn das Ergebnis zählt",
  "empower.2": "Meldet sich, wenn es nützt, statt jeden Schritt zu überwachen",
  "empower.3": "Behandelt jede Person als Expertin ihrer eigenen Rolle und folgt ihr dort",
  "empower.4": "Bittet Kolleginnen und Kollegen um Hilfe, auch bei Dingen, die allein zu schaffen wären",
  "dream.1": "Spricht darüber, wo das Team in einem Jahr oder später stehen soll, nicht nur über diese Woche",
  "dream.2": "Setzt Ziele, die über das hinausgehen, was bisher funktioniert hat",
  "dream.3": "Zieht erfahrene Leute aus dem Fach heran, wenn Ambitionen Gestalt annehmen",
  "dream.4": "Bezieht andere in die eigenen Ambitionen ein und baut auf ihren Ideen auf",
  "risk.1": "Trifft eine klare Entscheidung, wenn der Weg unsicher ist, und steht dazu",
  "risk.2": "Kündigt an, was geplant ist, bevor es geschieht, damit andere daran messen können",
  "risk.3": "Wägt eine riskante Option offen und mit Gründen ab, statt aus Impuls oder Angst zu handeln",
  "risk.4": "Ermutigt das Team zu ehrgeizigen Vorhaben und steht hinter ihm, wenn es sie wagt",
});
