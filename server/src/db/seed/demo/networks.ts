import { MembershipRole, NetworkKind } from "../../../common/enums";
import { DemoMembership, DemoNetworkBody } from "../demo-network.types";

const { CHAIR, MEMBER, GUEST } = MembershipRole;

function m(actor: string, role: MembershipRole, since: string, until?: string): DemoMembership {
  return until ? { actor, role, since, until } : { actor, role, since };
}

/** Gremien and networks with their memberships and meetings (minutes in German, as the bodies write them). */
export function demoNetworks(): DemoNetworkBody[] {
  return [
    {
      key: "ak-migration",
      name: "Arbeitskreis Migration",
      shortName: "AK Migration",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Der Arbeitskreis Migration wurde 2005 unter Federführung des Landkreises als lokales Netzwerk der Integrationsakteure gegründet, damit die Instrumente des Zuwanderungsgesetzes effizient genutzt werden. Er tagt drei- bis viermal im Jahr, stimmt Angebote ab und bereitet Empfehlungen für den Fachkreis vor.",
      memberships: [
        m("lra-integration", CHAIR, "2005-06-01"),
        m("lra-auslaenderbehoerde", MEMBER, "2005-06-01"),
        m("jobcenter", MEMBER, "2005-06-01"),
        m("agentur-arbeit", MEMBER, "2005-06-01"),
        m("caritas", MEMBER, "2005-06-01"),
        m("diakonie", MEMBER, "2005-06-01"),
        m("drk", MEMBER, "2005-06-01"),
        m("awo", MEMBER, "2006-02-15"),
        m("jmd-loerrach-weil", MEMBER, "2005-06-01"),
        m("jmd-rheinfelden-wiesental", MEMBER, "2007-03-01"),
        m("mbe-caritas", MEMBER, "2005-06-01"),
        m("mbe-diakonie", MEMBER, "2005-06-01"),
        m("mbe-drk", MEMBER, "2016-01-01"),
        m("vhs-loerrach", MEMBER, "2005-06-01"),
        m("bildungswerk", MEMBER, "2012-09-01"),
        m("sprachinstitut", MEMBER, "2010-01-01", "2023-12-31"),
        m("stadt-loerrach", MEMBER, "2008-01-01"),
        m("stadt-weil", MEMBER, "2008-01-01"),
        m("stadt-rheinfelden", MEMBER, "2009-05-01"),
        m("lra-unterbringung", MEMBER, "2015-10-01"),
      ],
      meetings: [
        {
          date: "2025-03-12",
          title: "Frühjahrssitzung 2025",
          location: "Landratsamt Lörrach, Sitzungssaal 1",
          participants: ["lra-integration", "lra-auslaenderbehoerde", "jobcenter", "caritas", "diakonie", "drk", "jmd-loerrach-weil", "jmd-rheinfelden-wiesental", "mbe-caritas", "mbe-diakonie", "mbe-drk", "vhs-loerrach", "bildungswerk", "stadt-loerrach"],
          minutes:
            "Die Integrationsbeauftragte begrüßt die Anwesenden und stellt die aktualisierte Übersicht der Sprachangebote vor. Die Kursträger berichten von Wartezeiten von bis zu fünf Monaten bei Alphabetisierungskursen; die VHS Lörrach plant einen zusätzlichen Alphakurs ab Februar 2026. Das Jobcenter bittet darum, Teilnehmende früher über Kursstarts zu informieren. Die MBE-Träger weisen darauf hin, dass die Gebietsaufteilung zwischen Diakonie und DRK für Rheinfelden und Schwörstadt Ende 2024 ausgelaufen ist.",
          decisions: [
            "Die Kursträger melden Kursstarts künftig monatlich an die Stabsstelle Integration.",
            "Diakonie und DRK legen bis zur Herbstsitzung einen Vorschlag zur Gebietsaufteilung vor.",
          ],
        },
        {
          date: "2025-07-09",
          title: "Sommersitzung 2025",
          location: "Caritas-Haus Lörrach",
          participants: ["lra-integration", "caritas", "diakonie", "awo", "jmd-loerrach-weil", "mbe-caritas", "mbe-drk", "stadt-loerrach", "stadt-weil", "stadt-rheinfelden", "lra-unterbringung"],
          minutes:
            "Schwerpunkt der Sitzung ist der Übergang aus den Gemeinschaftsunterkünften in die Anschlussunterbringung. Der Fachbereich Unterbringung berichtet, dass rund 140 Personen mit Anerkennung noch in Unterkünften leben, weil Wohnraum fehlt. Die Städte stellen ihre Vermieterprogramme vor. Die Stabsstelle informiert über den neuen Außensprechtag der IQ-Anerkennungsberatung in Schopfheim.",
          decisions: ["Eine Unterarbeitsgruppe Wohnen mit Städten und Fachbereich Unterbringung wird eingerichtet."],
        },
        {
          date: "2025-11-19",
          title: "Herbstsitzung 2025",
          location: "Landratsamt Lörrach, Sitzungssaal 1",
          participants: ["lra-integration", "lra-auslaenderbehoerde", "jobcenter", "agentur-arbeit", "caritas", "drk", "jmd-loerrach-weil", "jmd-rheinfelden-wiesental", "mbe-caritas", "mbe-diakonie", "mbe-drk", "vhs-loerrach", "stadt-weil"],
          minutes:
            "Diakonie und DRK konnten sich noch nicht auf eine Gebietsaufteilung für Rheinfelden und Schwörstadt einigen; beide bieten dort weiterhin Beratung für Erwachsene an. Die Integrationsbeauftragte weist darauf hin, dass für Kinder unter zwölf Jahren keine der Migrationsberatungen zuständig ist und Familien in der Praxis an das Jugendamt verwiesen werden. Die Ausländerbehörde stellt die Online-Terminvergabe vor, die seit Juni gut angenommen wird.",
          decisions: [
            "Die Zuständigkeitsfrage Rheinfelden/Schwörstadt wird dem Fachkreis zur Entscheidung vorgelegt.",
            "Die Stabsstelle prüft mit dem Jugendamt eine Ansprechstelle für Familien mit Kindern unter zwölf Jahren.",
          ],
        },
        {
          date: "2026-03-18",
          title: "Frühjahrssitzung 2026",
          location: "VHS Lörrach",
          participants: ["lra-integration", "caritas", "diakonie", "drk", "awo", "jmd-loerrach-weil", "mbe-caritas", "mbe-diakonie", "vhs-loerrach", "bildungswerk", "stadt-loerrach", "stadt-rheinfelden"],
          minutes:
            "Die Auswertung der Angebotsübersicht zeigt mehrere parallele Sprachtreffs für geflüchtete Frauen in Lörrach, die von Caritas, der Initiative Frauen für Frauen und der Stadtkirchengemeinde getragen werden. Die Träger berichten, dass sich die Gruppen teilweise unterschiedlich zusammensetzen, die Ehrenamtlichen aber knapp werden. Außerdem wurden in Rheinfelden zwei Bewerbungsangebote von AWO und VHS festgestellt.",
          decisions: [
            "Caritas, Frauen für Frauen und Stadtkirche treffen sich zur Abstimmung der Sprachtreffs.",
            "AWO und VHS Rheinfelden prüfen ein gemeinsames Bewerbungsangebot.",
          ],
        },
        {
          date: "2026-07-08",
          title: "Sommersitzung 2026",
          location: "Rathaus Rheinfelden",
          participants: ["lra-integration", "jobcenter", "agentur-arbeit", "caritas", "jmd-rheinfelden-wiesental", "mbe-drk", "mbe-diakonie", "stadt-rheinfelden", "awo", "lra-unterbringung"],
          minutes:
            "Die Stadt Rheinfelden stellt ihr Integrationsmanagement vor, das Ende 2026 ausläuft, sofern das Land die Förderung nicht verlängert. Die Teilnehmenden betonen, dass die Begleitung für viele Familien unverzichtbar ist. Jobcenter und Arbeitsagentur berichten über steigende Vermittlungen von Geflüchteten aus der Ukraine in Teilzeitstellen.",
          decisions: ["Der Arbeitskreis richtet ein gemeinsames Schreiben zur Verlängerung des Integrationsmanagements an das Land."],
        },
      ],
    },
    {
      key: "fachkreis",
      name: "Fachkreis Migration und Integration",
      shortName: "Fachkreis",
      kind: NetworkKind.COMMITTEE,
      description:
        "Der 2007 auf Initiative des Landkreises gebildete Fachkreis hat eine politische Ausrichtung: Vertreterinnen und Vertreter der Kreistagsfraktionen, der großen Städte und der Beiräte sollen die integrationspolitischen Leitziele mit Leben füllen. Er tagt zweimal im Jahr.",
      memberships: [
        m("lra-integration", CHAIR, "2007-10-01"),
        m("stadt-loerrach", MEMBER, "2007-10-01"),
        m("stadt-weil", MEMBER, "2007-10-01"),
        m("stadt-rheinfelden", MEMBER, "2007-10-01"),
        m("stadt-schopfheim", MEMBER, "2009-01-01"),
        m("gemeinde-grenzach", MEMBER, "2016-01-01"),
        m("beirat-loerrach", MEMBER, "2010-01-01"),
        m("auslaenderbeirat-weil", MEMBER, "2007-10-01"),
        m("beirat-rheinfelden", MEMBER, "2012-01-01"),
        m("caritas", MEMBER, "2007-10-01"),
        m("diakonie", MEMBER, "2007-10-01"),
        m("lra-jugendamt", GUEST, "2020-01-01"),
      ],
      meetings: [
        {
          date: "2025-05-21",
          title: "Sitzung Mai 2025",
          location: "Landratsamt Lörrach, großer Sitzungssaal",
          participants: ["lra-integration", "stadt-loerrach", "stadt-weil", "stadt-rheinfelden", "stadt-schopfheim", "beirat-loerrach", "auslaenderbeirat-weil", "caritas", "diakonie"],
          minutes:
            "Die Integrationsbeauftragte stellt den Entwurf der Fortschreibung des Integrationskonzepts vor. Die Beiräte fordern, Migrantenorganisationen stärker an der Umsetzung zu beteiligen und Mittel des Integrationsfonds zu erhöhen. Die Städte sprechen sich für eine gemeinsame Übersicht aller Angebote aus, um Doppelstrukturen zu vermeiden.",
          decisions: [
            "Die Fortschreibung des Integrationskonzepts wird dem Kreistag im Herbst vorgelegt.",
            "Der Aufbau einer gemeinsamen Angebotsdatenbank wird unterstützt.",
          ],
        },
        {
          date: "2025-12-03",
          title: "Sitzung Dezember 2025",
          location: "Landratsamt Lörrach, großer Sitzungssaal",
          participants: ["lra-integration", "stadt-loerrach", "stadt-rheinfelden", "gemeinde-grenzach", "beirat-loerrach", "beirat-rheinfelden", "caritas", "diakonie", "lra-jugendamt"],
          minutes:
            "Aus dem Arbeitskreis Migration liegt die Frage vor, wer in Rheinfelden und Schwörstadt für die Migrationsberatung Erwachsener zuständig ist. Diakonie und DRK tragen ihre Sicht vor; eine Einigung kommt nicht zustande. Das Jugendamt berichtet über Familien mit jüngeren Kindern, die keine feste Anlaufstelle für Migrationsfragen haben. Das Antidiskriminierungsbüro stellt Ergebnisse des Testing-Projekts zum Wohnungsmarkt vor.",
          decisions: [
            "Die Stabsstelle moderiert ein Klärungsgespräch zwischen Diakonie und DRK im ersten Quartal 2026.",
            "Die Ergebnisse des Testing-Projekts werden den Wohnungsunternehmen vorgestellt.",
          ],
        },
        {
          date: "2026-06-10",
          title: "Sitzung Juni 2026",
          location: "Rathaus Weil am Rhein",
          participants: ["lra-integration", "stadt-loerrach", "stadt-weil", "stadt-schopfheim", "auslaenderbeirat-weil", "beirat-rheinfelden", "caritas"],
          minutes:
            "Die Stadt Weil am Rhein berichtet über die Wohnungsbörse mit der Wohnungsbaugenossenschaft, über die im ersten Jahr 21 Wohnungen vergeben wurden. Der Ausländerbeirat regt an, das Modell auf andere Städte zu übertragen. Die Integrationsbeauftragte stellt erste Auswertungen der Angebotsdatenbank vor, die unter anderem zeigen, dass es im oberen Wiesental kein Gesundheitsangebot für Zugewanderte gibt.",
          decisions: ["Das Gesundheitsamt wird gebeten, ein Angebot für das obere Wiesental zu prüfen."],
        },
      ],
    },
    {
      key: "aktionsbuendnis",
      name: "Aktionsbündnis gegen Rechtsextremismus und Rassismus im Landkreis Lörrach",
      shortName: "Aktionsbündnis",
      kind: NetworkKind.ALLIANCE,
      description:
        "Das Bündnis bündelt Aktivitäten gegen Rechtsextremismus und Rassismus im Landkreis, organisiert die Internationalen Wochen gegen Rassismus und reagiert auf Vorfälle. Die Koordinierungsstelle liegt bei der Integrationsbeauftragten.",
      memberships: [
        m("lra-integration", CHAIR, "2012-03-01"),
        m("adb", MEMBER, "2019-01-01"),
        m("afrika-forum", MEMBER, "2018-06-01"),
        m("kath-se-rheinfelden", MEMBER, "2012-03-01"),
        m("ev-stadtkirche-loerrach", MEMBER, "2012-03-01"),
        m("sportkreis", MEMBER, "2014-01-01"),
        m("vhs-weil", MEMBER, "2016-01-01"),
        m("tdkv-weil", MEMBER, "2012-03-01"),
        m("jmd-loerrach-weil", MEMBER, "2015-01-01"),
        m("beirat-loerrach", MEMBER, "2012-03-01"),
        m("stadt-loerrach", MEMBER, "2013-01-01"),
        m("schulamt", GUEST, "2020-09-01"),
      ],
      meetings: [
        {
          date: "2025-01-22",
          title: "Planung Internationale Wochen gegen Rassismus 2025",
          location: "Antidiskriminierungsbüro Lörrach",
          participants: ["lra-integration", "adb", "afrika-forum", "kath-se-rheinfelden", "ev-stadtkirche-loerrach", "vhs-weil", "jmd-loerrach-weil", "schulamt"],
          minutes:
            "Für die Internationalen Wochen gegen Rassismus liegen 23 Veranstaltungsvorschläge vor, darunter erstmals Workshops an drei Gemeinschaftsschulen. Das Afrikanische Forum bietet eine Lesung mit anschließendem Gespräch an. Das Schulamt sagt zu, die Schulen frühzeitig zu informieren. Die Finanzierung erfolgt über Demokratie leben! und Kreismittel.",
          decisions: ["Das Programmheft erscheint am 20. Februar.", "Der Eröffnungsabend findet in Rheinfelden statt."],
        },
        {
          date: "2025-10-08",
          title: "Herbsttreffen 2025",
          location: "Pfarrzentrum St. Josef, Rheinfelden",
          participants: ["lra-integration", "adb", "afrika-forum", "kath-se-rheinfelden", "sportkreis", "tdkv-weil", "beirat-loerrach", "stadt-loerrach"],
          minutes:
            "Das Antidiskriminierungsbüro berichtet über einen Anstieg der Beratungsanfragen, vor allem zu Diskriminierung bei der Wohnungssuche und im Sportverein. Der Sportkreis kündigt eine Handreichung für Vereine an. Es wird festgestellt, dass persönliche Beratung bisher nur in Lörrach möglich ist und Betroffene aus dem Wiesental und vom Hochrhein lange Wege haben.",
          decisions: [
            "Das Bündnis bittet den Landkreis, eine Außensprechstunde des Antidiskriminierungsbüros zu finanzieren.",
            "Der Sportkreis stellt die Handreichung im Frühjahr vor.",
          ],
        },
        {
          date: "2026-04-15",
          title: "Auswertung der Aktionswochen 2026",
          location: "Landratsamt Lörrach, Sitzungssaal 2",
          participants: ["lra-integration", "adb", "afrika-forum", "ev-stadtkirche-loerrach", "vhs-weil", "jmd-loerrach-weil", "beirat-loerrach"],
          minutes:
            "Die Aktionswochen erreichten rund 2.400 Besucherinnen und Besucher, die Schulworkshops waren ausgebucht. Die VHS Weil berichtet von guter Resonanz auf das Argumentationstraining und plant einen weiteren Termin im November. Das Bündnis verabschiedet eine Stellungnahme zu rassistischen Schmierereien in Lörrach.",
          decisions: ["Die Stellungnahme wird an die Presse gegeben."],
        },
      ],
    },
    {
      key: "integrationsbeirat-lk",
      name: "Integrationsbeirat des Landkreises Lörrach",
      shortName: "Integrationsbeirat LK",
      kind: NetworkKind.ADVISORY_BOARD,
      description:
        "Der Integrationsbeirat vertritt die Interessen der zugewanderten Bevölkerung gegenüber Kreistag und Kreisverwaltung. Mitglieder sind Vertreterinnen und Vertreter von Migrantenorganisationen und der kommunalen Beiräte; die Geschäftsführung liegt bei der Stabsstelle Integration.",
      memberships: [
        m("italienischer-kulturkreis", CHAIR, "2019-07-01"),
        m("tdkv-weil", MEMBER, "2014-07-01"),
        m("syrischer-familienverein", MEMBER, "2019-07-01"),
        m("ukraine-verein", MEMBER, "2023-01-01"),
        m("afrika-forum", MEMBER, "2019-07-01"),
        m("afghanischer-verein", MEMBER, "2024-07-01"),
        m("aussiedler-verein", MEMBER, "2014-07-01", "2024-06-30"),
        m("beirat-loerrach", MEMBER, "2014-07-01"),
        m("auslaenderbeirat-weil", MEMBER, "2014-07-01"),
        m("beirat-rheinfelden", MEMBER, "2014-07-01"),
        m("lra-integration", GUEST, "2014-07-01"),
      ],
      meetings: [
        {
          date: "2025-02-26",
          title: "Sitzung Februar 2025",
          location: "Landratsamt Lörrach, Sitzungssaal 2",
          participants: ["italienischer-kulturkreis", "tdkv-weil", "syrischer-familienverein", "ukraine-verein", "afrika-forum", "afghanischer-verein", "beirat-loerrach", "lra-integration"],
          minutes:
            "Der Beirat begrüßt den Afghanischen Kultur- und Elternverein als neues Mitglied. Die Mitglieder berichten über lange Wartezeiten bei der Ausländerbehörde; die Geschäftsführung sagt zu, das Thema mit der Behördenleitung zu besprechen. Die Ukrainische Gemeinschaft bittet um Unterstützung bei der Suche nach Räumen für die Samstagsschule.",
          decisions: ["Die Leitung der Ausländerbehörde wird zur nächsten Sitzung eingeladen."],
        },
        {
          date: "2025-09-24",
          title: "Sitzung September 2025",
          location: "Landratsamt Lörrach, Sitzungssaal 2",
          participants: ["italienischer-kulturkreis", "tdkv-weil", "syrischer-familienverein", "afrika-forum", "auslaenderbeirat-weil", "beirat-rheinfelden", "lra-integration"],
          minutes:
            "Die Ausländerbehörde stellt als Gast die Online-Terminvergabe und die mehrsprachige Infotheke vor; die Mitglieder begrüßen die Verbesserungen, wünschen sich aber auch Termine am Abend. Der Beirat diskutiert die Förderrichtlinie des Integrationsfonds und schlägt vor, kleinen Vereinen die Antragstellung zu erleichtern. Mehrere Vereine berichten, dass sie Anträge wegen des Aufwands bisher nicht gestellt haben.",
          decisions: [
            "Der Beirat empfiehlt dem Kreistag eine vereinfachte Antragstellung beim Integrationsfonds bis 1.000 Euro.",
          ],
        },
        {
          date: "2026-05-20",
          title: "Sitzung Mai 2026",
          location: "Vereinsheim des Türkisch-Deutschen Kulturvereins, Weil am Rhein",
          participants: ["italienischer-kulturkreis", "tdkv-weil", "ukraine-verein", "afghanischer-verein", "beirat-loerrach", "auslaenderbeirat-weil", "lra-integration"],
          minutes:
            "Die Sitzung findet erstmals in einem Vereinsheim statt. Der Türkisch-Deutsche Kulturverein stellt seine Hausaufgabenbetreuung und die Fußballgruppe vor. Die Mitglieder sprechen über die geringe Beteiligung älterer Zugewanderter an Angeboten und regen Seniorentreffs in weiteren Städten an.",
          decisions: ["Die Sitzungen finden künftig abwechselnd bei Mitgliedsvereinen statt."],
        },
      ],
    },
    {
      key: "landeskonferenz",
      name: "Landeskonferenz der kommunalen Integrationsbeauftragten Baden-Württemberg",
      shortName: "Landeskonferenz",
      kind: NetworkKind.STATE_CONFERENCE,
      description:
        "Zweimal jährlich treffen sich die Integrationsbeauftragten der Stadt- und Landkreise und der großen Kreisstädte mit dem Sozialministerium zum Erfahrungsaustausch über Förderprogramme, Integrationsmanagement und aktuelle Rechtsänderungen.",
      memberships: [
        m("sozialministerium", CHAIR, "2008-01-01"),
        m("lra-integration", MEMBER, "2008-01-01"),
        m("stadt-loerrach", MEMBER, "2012-01-01"),
        m("stadt-weil", MEMBER, "2015-01-01"),
        m("stadt-rheinfelden", MEMBER, "2017-01-01"),
        m("rp-freiburg", GUEST, "2016-01-01"),
      ],
      meetings: [
        {
          date: "2025-04-29",
          title: "Frühjahrskonferenz 2025",
          location: "Stuttgart",
          participants: ["sozialministerium", "lra-integration", "stadt-loerrach", "stadt-rheinfelden", "rp-freiburg"],
          minutes:
            "Das Ministerium informiert über den Stand der VwV Integration und die geplante Weiterführung des Integrationsmanagements. Mehrere Kreise berichten über Schwierigkeiten, Stellen im Integrationsmanagement bei befristeter Förderung zu besetzen. Der Landkreis Lörrach stellt seine geplante Angebotsdatenbank vor.",
          decisions: ["Eine Arbeitsgruppe der Konferenz erarbeitet Kriterien für eine landesweite Angebotsübersicht."],
        },
        {
          date: "2025-10-21",
          title: "Herbstkonferenz 2025",
          location: "Freiburg im Breisgau",
          participants: ["sozialministerium", "lra-integration", "stadt-loerrach", "stadt-weil", "rp-freiburg"],
          minutes:
            "Schwerpunkt ist die Arbeitsmarktintegration von Geflüchteten. Das Regierungspräsidium berichtet über die Zugangszahlen im Regierungsbezirk. Die Integrationsbeauftragten tauschen sich über die Zusammenarbeit mit den Jobcentern aus.",
          decisions: ["Das Ministerium stellt die Präsentationen im internen Bereich bereit."],
        },
        {
          date: "2026-05-05",
          title: "Frühjahrskonferenz 2026",
          location: "Stuttgart",
          participants: ["sozialministerium", "lra-integration", "stadt-loerrach", "stadt-weil", "stadt-rheinfelden"],
          minutes:
            "Das Ministerium kündigt eine Verlängerung des Förderprogramms Integrationsmanagement um zwei Jahre an, die endgültige Entscheidung fällt mit dem Haushalt. Die Arbeitsgruppe stellt Kriterien für eine Angebotsübersicht vor, darunter die offene Schnittstelle nach Open Referral. Der Landkreis Lörrach berichtet über erste Ergebnisse seiner Überschneidungsanalyse.",
          decisions: ["Die Kriterien werden den Kreisen als Empfehlung zugeleitet."],
        },
      ],
    },
    {
      key: "netzwerk-lotsen",
      name: "Netzwerk Integrationslotsen",
      shortName: "Netzwerk Lotsen",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Im Netzwerk stimmen sich die Koordination der Integrationslotsinnen und -lotsen, die Beratungsdienste und die Kommunen über Einsatzanfragen, Qualifizierung und Grenzen des Ehrenamts ab.",
      memberships: [
        m("caritas", CHAIR, "2014-05-01"),
        m("integrationslotsen", MEMBER, "2014-05-01"),
        m("lra-integration", MEMBER, "2014-05-01"),
        m("mbe-caritas", MEMBER, "2014-05-01"),
        m("mbe-diakonie", MEMBER, "2015-01-01"),
        m("mbe-drk", MEMBER, "2016-01-01"),
        m("jmd-loerrach-weil", MEMBER, "2014-05-01"),
        m("stadt-loerrach", MEMBER, "2017-01-01"),
        m("drk", MEMBER, "2017-01-01"),
        m("syrischer-familienverein", GUEST, "2022-03-01"),
      ],
      meetings: [
        {
          date: "2025-06-04",
          title: "Netzwerktreffen Juni 2025",
          location: "Caritas-Haus Lörrach",
          participants: ["caritas", "integrationslotsen", "lra-integration", "mbe-caritas", "mbe-drk", "jmd-loerrach-weil"],
          minutes:
            "Die Lotsinnen und Lotsen haben im ersten Halbjahr 312 Begleitungen übernommen, vor allem zu Ausländerbehörde, Jobcenter und Kinderärzten. Die Beratungsdienste bitten darum, Anfragen mit rechtlichem Charakter an sie zurückzugeben. Für die nächste Qualifizierungsrunde gibt es bereits 17 Interessierte.",
          decisions: ["Ein gemeinsamer Anfragebogen für Begleitungen wird eingeführt."],
        },
        {
          date: "2026-01-28",
          title: "Netzwerktreffen Januar 2026",
          location: "Caritas-Haus Lörrach",
          participants: ["caritas", "integrationslotsen", "lra-integration", "mbe-caritas", "mbe-diakonie", "stadt-loerrach", "drk", "syrischer-familienverein"],
          minutes:
            "Die Qualifizierung 2026 startet im Februar mit 20 Teilnehmenden, darunter sieben Menschen mit eigener Migrationsgeschichte. Der Syrische Familienverein berichtet, dass viele Mitglieder bereits informell begleiten, und möchte sie für die Qualifizierung gewinnen. Das DRK regt an, Lotsen und Sprachmittlerpool besser voneinander abzugrenzen.",
          decisions: [
            "Lotsenkoordination und DRK erarbeiten eine gemeinsame Abgrenzung von Begleitung und Sprachmittlung.",
          ],
        },
        {
          date: "2026-09-16",
          title: "Netzwerktreffen September 2026",
          location: "Rathaus Lörrach",
          participants: ["caritas", "integrationslotsen", "lra-integration", "mbe-drk", "jmd-loerrach-weil", "stadt-loerrach", "drk"],
          minutes:
            "Die neuen Lotsinnen und Lotsen haben ihre Zertifikate erhalten; acht von ihnen begleiten bereits. Die Abgrenzung zum Sprachmittlerpool ist schriftlich festgehalten. Die Stadt Lörrach berichtet, dass die Ehrenamtsbörse zunehmend Anfragen von Geflüchteten erhält, die sich selbst engagieren wollen.",
          decisions: ["Die Abgrenzung Begleitung/Sprachmittlung wird allen Beratungsstellen zugesandt."],
        },
      ],
    },
    {
      key: "runder-tisch-wiesental",
      name: "Runder Tisch Flüchtlingshilfe Wiesental",
      shortName: "Runder Tisch Wiesental",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Am Runden Tisch treffen sich Freundeskreise, Kommunen, Beratungsdienste und Kirchen aus dem Wiesental, um die Unterstützung Geflüchteter im ländlichen Raum abzustimmen – von Fahrdiensten bis zu Außensprechstunden.",
      memberships: [
        m("stadt-schopfheim", CHAIR, "2015-11-01"),
        m("fk-asyl-schopfheim", MEMBER, "2015-11-01"),
        m("ak-asyl-oberes-wiesental", MEMBER, "2016-01-01"),
        m("stadt-zell", MEMBER, "2015-11-01"),
        m("stadt-todtnau", MEMBER, "2016-01-01"),
        m("gemeinde-steinen", MEMBER, "2016-03-01"),
        m("mbe-diakonie", MEMBER, "2015-11-01"),
        m("jmd-rheinfelden-wiesental", MEMBER, "2016-01-01"),
        m("vhs-schopfheim", MEMBER, "2016-01-01"),
        m("ev-schopfheim", MEMBER, "2015-11-01"),
        m("afghanischer-verein", MEMBER, "2021-05-01"),
        m("lra-unterbringung", MEMBER, "2015-11-01"),
        m("werkstatt-zukunft", GUEST, "2024-01-01"),
      ],
      meetings: [
        {
          date: "2025-02-05",
          title: "Runder Tisch Februar 2025",
          location: "Rathaus Schopfheim, Sitzungssaal",
          participants: ["stadt-schopfheim", "fk-asyl-schopfheim", "ak-asyl-oberes-wiesental", "stadt-zell", "stadt-todtnau", "mbe-diakonie", "jmd-rheinfelden-wiesental", "ev-schopfheim"],
          minutes:
            "Die Freundeskreise berichten, dass die Fahrdienste im oberen Wiesental an ihre Grenzen kommen. Der Jugendmigrationsdienst startet eine monatliche Sprechstunde in Todtnau. Die Stadt Todtnau sucht weiterhin Wohnungen für die Anschlussunterbringung.",
          decisions: ["JMD und MBE stimmen ihre Sprechtage in Todtnau so ab, dass Familien beide an einem Tag erreichen."],
        },
        {
          date: "2025-06-25",
          title: "Runder Tisch Juni 2025",
          location: "Rathaus Zell im Wiesental",
          participants: ["stadt-schopfheim", "fk-asyl-schopfheim", "stadt-zell", "gemeinde-steinen", "mbe-diakonie", "vhs-schopfheim", "afghanischer-verein", "lra-unterbringung"],
          minutes:
            "Die VHS berichtet, dass der Integrationskurs in Zell wegen zu geringer Teilnehmerzahl ruht. Die Teilnehmenden diskutieren Fahrtkostenzuschüsse und einen Online-Kurs als Alternative. Der Afghanische Elternverein bietet an, Familien gezielt anzusprechen.",
          decisions: ["Die VHS prüft einen Neustart des Kurses in Zell im Frühjahr 2026."],
        },
        {
          date: "2025-11-12",
          title: "Runder Tisch November 2025",
          location: "Alte Kapelle, Schopfheim",
          participants: ["stadt-schopfheim", "fk-asyl-schopfheim", "ak-asyl-oberes-wiesental", "stadt-todtnau", "gemeinde-steinen", "mbe-diakonie", "jmd-rheinfelden-wiesental", "ev-schopfheim", "werkstatt-zukunft"],
          minutes:
            "Der Arbeitskreis Asyl Oberes Wiesental weist darauf hin, dass es in Todtnau, Schönau und den umliegenden Gemeinden kein einziges Gesundheitsangebot für Zugewanderte gibt und Arzttermine mit Dolmetschung nur in Lörrach möglich sind. Auch Beratungsdienste sind nur an einzelnen Tagen im Monat vor Ort. Die Werkstatt Zukunft stellt ihre Beschäftigungsangebote vor und bietet Plätze für Geflüchtete aus dem Wiesental an.",
          decisions: [
            "Der Runde Tisch meldet die Versorgungslücke Gesundheit im oberen Wiesental an den Fachkreis.",
          ],
        },
        {
          date: "2026-05-13",
          title: "Runder Tisch Mai 2026",
          location: "Rathaus Schopfheim, Sitzungssaal",
          participants: ["stadt-schopfheim", "fk-asyl-schopfheim", "ak-asyl-oberes-wiesental", "stadt-zell", "mbe-diakonie", "vhs-schopfheim", "lra-unterbringung"],
          minutes:
            "Die Supervision für Ehrenamtliche wird gut angenommen, die Diakonie sichert die Finanzierung bis Ende 2026 zu. Der Fachbereich Unterbringung kündigt an, die Unterkunft in Steinen zum Jahresende zu verkleinern. Die Freundeskreise wünschen sich frühzeitige Information über Umzüge.",
          decisions: ["Der Fachbereich Unterbringung informiert den Runden Tisch vier Wochen vor jedem Umzug."],
        },
      ],
    },
    {
      key: "ag-sprache-bildung",
      name: "AG Sprache und Bildung",
      shortName: "AG Sprache",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Die AG stimmt Sprachkursangebote, Kinderbetreuung während der Kurse und Übergänge zwischen Kita, Schule und Beruf ab. Sie wird vom Bildungsbüro koordiniert.",
      memberships: [
        m("lra-bildungsbuero", CHAIR, "2014-09-01"),
        m("vhs-loerrach", MEMBER, "2014-09-01"),
        m("vhs-weil", MEMBER, "2014-09-01"),
        m("vhs-rheinfelden", MEMBER, "2014-09-01"),
        m("vhs-schopfheim", MEMBER, "2014-09-01"),
        m("sprachinstitut", MEMBER, "2015-01-01"),
        m("bildungswerk", MEMBER, "2014-09-01"),
        m("schulamt", MEMBER, "2014-09-01"),
        m("berufsschulen", MEMBER, "2016-01-01"),
        m("familienbildung", MEMBER, "2018-01-01"),
        m("lra-integration", MEMBER, "2014-09-01"),
        m("jobcenter", GUEST, "2017-01-01"),
      ],
      meetings: [
        {
          date: "2025-01-29",
          title: "AG-Sitzung Januar 2025",
          location: "Bildungsbüro, Landratsamt Lörrach",
          participants: ["lra-bildungsbuero", "vhs-loerrach", "vhs-weil", "vhs-rheinfelden", "sprachinstitut", "bildungswerk", "schulamt", "lra-integration", "jobcenter"],
          minutes:
            "Die Träger stellen ihre Kursplanung für 2025 vor. Es fehlt weiterhin an Kinderbetreuung während der Integrationskurse; nur das Bildungswerk in Rheinfelden bietet sie regelmäßig an. Das Jobcenter berichtet, dass Berufssprachkurse in Teilzeit stark nachgefragt sind.",
          decisions: ["Das Bildungsbüro erstellt eine gemeinsame Kursübersicht für Beratungsstellen."],
        },
        {
          date: "2025-06-18",
          title: "AG-Sitzung Juni 2025",
          location: "VHS Rheinfelden",
          participants: ["lra-bildungsbuero", "vhs-rheinfelden", "vhs-schopfheim", "bildungswerk", "schulamt", "berufsschulen", "familienbildung"],
          minutes:
            "Das Berufliche Schulzentrum meldet für das neue Schuljahr vier VABO-Klassen, eine weniger als im Vorjahr. Das Schulamt berichtet über Engpässe bei Vorbereitungsklassen in Rheinfelden. Die Familienbildung stellt die Ergebnisse des Rucksack-Programms vor.",
          decisions: ["Schulamt und Stadt Rheinfelden prüfen eine zusätzliche Vorbereitungsklasse."],
        },
        {
          date: "2026-02-04",
          title: "AG-Sitzung Februar 2026",
          location: "Bildungsbüro, Landratsamt Lörrach",
          participants: ["lra-bildungsbuero", "vhs-loerrach", "vhs-weil", "vhs-schopfheim", "sprachinstitut", "bildungswerk", "lra-integration", "jobcenter"],
          minutes:
            "Die VHS Lörrach startet einen weiteren Alphabetisierungskurs; die Wartezeit ist damit deutlich kürzer. Die Stabsstelle Integration weist auf zwei Erstorientierungskurse hin, die DRK und Bildungswerk zeitgleich in Schopfheim anbieten, obwohl die Nachfrage nur für einen Kurs reicht. Die VHS Schopfheim plant einen Frauenintegrationskurs mit Kinderbetreuung.",
          decisions: [
            "DRK und Bildungswerk klären bis Ende März, wer den Erstorientierungskurs in Schopfheim fortführt.",
          ],
        },
        {
          date: "2026-10-07",
          title: "AG-Sitzung Oktober 2026",
          location: "VHS Schopfheim",
          participants: ["lra-bildungsbuero", "vhs-loerrach", "vhs-schopfheim", "bildungswerk", "schulamt", "berufsschulen", "familienbildung", "lra-integration"],
          minutes:
            "Der Frauenintegrationskurs in Schopfheim läuft mit 14 Teilnehmerinnen, die Kinderbetreuung ist voll ausgelastet. Das Bildungswerk plant ab 2027 eine Pflegehelferausbildung mit Sprachförderung. Die Teilnehmenden sprechen über Lerncamps in den Ferien; in Rheinfelden planen DRK und Stadt für 2027 Camps in den Oster- und Sommerferien.",
          decisions: ["Die Ferienangebote 2027 werden im Januar in der Kursübersicht veröffentlicht."],
        },
      ],
    },
    {
      key: "netzwerk-arbeitsmarkt",
      name: "Netzwerk Arbeitsmarktintegration Dreiländereck",
      shortName: "Netzwerk Arbeit",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Arbeitsagentur, Jobcenter, Kammern und Bildungsträger stimmen hier Angebote zur Arbeitsmarkt- und Ausbildungsintegration von Zugewanderten ab und organisieren gemeinsame Veranstaltungen für Arbeitgeber.",
      memberships: [
        m("agentur-arbeit", CHAIR, "2016-02-01"),
        m("jobcenter", MEMBER, "2016-02-01"),
        m("ihk", MEMBER, "2016-02-01"),
        m("hwk", MEMBER, "2016-02-01"),
        m("welcome-center", MEMBER, "2020-01-01"),
        m("iq-anerkennung", MEMBER, "2016-02-01"),
        m("werkstatt-zukunft", MEMBER, "2017-01-01"),
        m("awo", MEMBER, "2019-01-01"),
        m("bildungswerk", MEMBER, "2016-02-01"),
        m("lra-auslaenderbehoerde", MEMBER, "2016-02-01"),
        m("lra-integration", MEMBER, "2016-02-01"),
        m("kliniken", GUEST, "2023-01-01"),
      ],
      meetings: [
        {
          date: "2025-03-26",
          title: "Netzwerktreffen März 2025",
          location: "Agentur für Arbeit Lörrach",
          participants: ["agentur-arbeit", "jobcenter", "ihk", "hwk", "welcome-center", "iq-anerkennung", "lra-auslaenderbehoerde", "lra-integration"],
          minutes:
            "Die Ausländerbehörde erläutert die Neuregelungen zur Beschäftigungsduldung und zum Chancen-Aufenthaltsrecht. IHK und HWK berichten, dass Betriebe zunehmend bereit sind, Geflüchtete auszubilden, aber Unsicherheit beim Aufenthaltsrecht besteht. Das Welcome Center kündigt einen monatlichen Unternehmenssprechtag an.",
          decisions: ["Arbeitsagentur und Ausländerbehörde erstellen ein gemeinsames Merkblatt für Arbeitgeber."],
        },
        {
          date: "2025-09-17",
          title: "Netzwerktreffen September 2025",
          location: "IHK-Servicestelle Lörrach",
          participants: ["agentur-arbeit", "jobcenter", "ihk", "iq-anerkennung", "werkstatt-zukunft", "awo", "bildungswerk", "kliniken"],
          minutes:
            "Die Kreiskliniken stellen ihre Einstiegsqualifizierung Pflege vor und suchen Kandidatinnen und Kandidaten. Das Bildungswerk berichtet über den laufenden Berufssprachkurs mit Praktikum in Grenzach-Wyhlen; neun von 16 Teilnehmenden haben bereits eine Stellenzusage. Die AWO plant ein Bewerbungstraining in Rheinfelden.",
          decisions: ["Jobcenter und Arbeitsagentur bewerben die Einstiegsqualifizierung Pflege gezielt."],
        },
        {
          date: "2026-04-22",
          title: "Netzwerktreffen April 2026",
          location: "Welcome Center Weil am Rhein",
          participants: ["agentur-arbeit", "jobcenter", "ihk", "hwk", "welcome-center", "awo", "lra-integration"],
          minutes:
            "Das Welcome Center zieht eine positive Bilanz des ersten Jahres der Unternehmenssprechtage. Die HWK stellt die Werkstatttage im Handwerk vor. Die Integrationsbeauftragte weist auf die parallelen Bewerbungsangebote von AWO und VHS in Rheinfelden hin; die AWO signalisiert Bereitschaft zur Zusammenarbeit.",
          decisions: ["Die Arbeitgeberveranstaltungen 2026 werden gemeinsam beworben."],
        },
      ],
    },
    {
      key: "netzwerk-gesundheit",
      name: "Netzwerk Gesundheit und Migration",
      shortName: "Netzwerk Gesundheit",
      kind: NetworkKind.WORKING_GROUP,
      description:
        "Das Netzwerk verbindet Gesundheitsamt, Kliniken, Beratungsstellen und Migrantenorganisationen, um den Zugang Zugewanderter zur gesundheitlichen Versorgung zu verbessern – von Dolmetschung bis zur psychosozialen Versorgung.",
      memberships: [
        m("lra-gesundheitsamt", CHAIR, "2018-04-01"),
        m("psz", MEMBER, "2018-04-01"),
        m("kliniken", MEMBER, "2018-04-01"),
        m("skf", MEMBER, "2018-04-01"),
        m("drk", MEMBER, "2019-01-01"),
        m("frauenhaus", MEMBER, "2020-01-01"),
        m("diakonie", MEMBER, "2018-04-01"),
        m("lra-jugendamt", MEMBER, "2018-04-01"),
        m("afghanischer-verein", MEMBER, "2023-01-01"),
        m("aussiedler-verein", GUEST, "2024-01-01"),
      ],
      meetings: [
        {
          date: "2025-05-07",
          title: "Netzwerktreffen Mai 2025",
          location: "Gesundheitsamt Lörrach",
          participants: ["lra-gesundheitsamt", "psz", "kliniken", "skf", "drk", "diakonie", "afghanischer-verein"],
          minutes:
            "Das PSZ berichtet über eine Warteliste von drei Monaten für Psychotherapie. Die Kreiskliniken erweitern den Dolmetscherpool um Tigrinya und Kurdisch. Der Afghanische Elternverein bittet um Informationsabende zu Frauengesundheit auf Dari.",
          decisions: ["Das Gesundheitsamt nimmt Dari in die muttersprachliche Gesundheitsinformation auf."],
        },
        {
          date: "2026-02-25",
          title: "Netzwerktreffen Februar 2026",
          location: "Kreiskliniken Lörrach, Konferenzraum",
          participants: ["lra-gesundheitsamt", "psz", "kliniken", "skf", "frauenhaus", "lra-jugendamt", "aussiedler-verein"],
          minutes:
            "Der Fachkreis hat das Netzwerk gebeten, die Versorgungslücke im oberen Wiesental zu prüfen. Das Gesundheitsamt schlägt eine mobile Gesundheitssprechstunde mit Dolmetschung vor, für die jedoch noch keine Finanzierung besteht. Der Russlanddeutsche Kulturverein stellt sein Gesundheitscafé für ältere Spätaussiedler vor.",
          decisions: [
            "Das Gesundheitsamt erarbeitet bis zum Sommer ein Konzept für eine mobile Sprechstunde im oberen Wiesental.",
          ],
        },
      ],
    },
  ];
}
