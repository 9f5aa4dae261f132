"""Fictional people in German, French, Spanish, Portuguese, Dutch and Italian: the facts
of each resume (its truth) and how it is written (the style), drawn from per-language
pools by a seeded generator, so that the set rebuilds to the same truths.

Every employer, school and person here is made up; the cities are real.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

import phonenumbers

LANGUAGES = ("de", "fr", "es", "pt", "nl", "it")
PEOPLE_PER_LANGUAGE = 8
# Years a resume's dates are drawn from; "present" ends the current job.
_FIRST_YEAR, _LAST_YEAR = 2008, 2024


@dataclass(frozen=True)
class Pools:
    """What one language's resumes are drawn from."""
    country: str  # ISO 3166 code: the phones' region
    first_names: tuple[str, ...]
    last_names: tuple[str, ...]
    cities: tuple[str, ...]  # "City, Country" as a resume in the language writes it
    employers: tuple[str, ...]
    titles: tuple[str, ...]
    schools: tuple[str, ...]
    degrees: tuple[tuple[str, str], ...]  # (degree as written, level)
    headings: tuple[dict[str, str], ...]  # variants: kind -> heading
    europass: dict[str, str]  # the Europass headings and labels
    months: tuple[str, ...]  # full names, January first
    abbreviations: tuple[str, ...]  # as the language abbreviates them
    present: tuple[str, ...]
    phone_formats: tuple[tuple[str, str], ...]  # (national number, how it is written: "national" or "international")
    summary: tuple[str, ...]
    highlights: tuple[str, ...]  # "{skill}" is filled in
    skill_labels: tuple[str, ...]
    spoken: tuple[str, ...]  # the language's names of languages
    levels: tuple[str, ...]


_SKILLS = ("Python", "Java", "SQL", "Docker", "Kubernetes", "Excel", "SAP", "Scrum", "AutoCAD", "Tableau",
           "JavaScript", "React", "Power BI", "Git", "Jira", "Salesforce", "TypeScript", "AWS", "Linux", "MATLAB")

POOLS: dict[str, Pools] = {
    "de": Pools(
        country="DE",
        first_names=("Lena", "Jonas", "Katharina", "Matthias", "Anja", "Florian", "Sabine", "Tobias", "Miriam",
                     "Stefan", "Franziska", "Lukas"),
        last_names=("Schneider", "Hoffmann", "Becker", "Wagner", "Schäfer", "Krüger", "Zimmermann", "Hartmann",
                    "Lehmann", "Köhler", "Brandt", "Vogel"),
        cities=("Berlin, Deutschland", "Hamburg, Deutschland", "München, Deutschland", "Köln, Deutschland",
                "Leipzig, Deutschland", "Stuttgart, Deutschland"),
        employers=("Brandt & Vogel GmbH", "Nordlicht Logistik AG", "Kessler Softwarehaus GmbH",
                   "Auenwald Energie AG", "Rheinblick Versicherung AG", "Falkenstein Maschinenbau GmbH",
                   "Lindgrün Handel GmbH", "Sternwarte Consulting GmbH"),
        titles=("Softwareentwickler", "Projektleiterin", "Datenanalyst", "Vertriebsleiter", "Systemadministrator",
                "Personalreferentin", "Teamleiter Buchhaltung", "Werkstudent", "Produktmanagerin",
                "Maschinenbauingenieur"),
        schools=("Technische Universität Darmstadt", "Universität Hamburg", "Hochschule München",
                 "Ludwig-Maximilians-Universität München", "Fachhochschule Köln", "Universität Leipzig"),
        degrees=(("Master of Science Informatik", "master"), ("Bachelor of Arts Betriebswirtschaftslehre", "bachelor"),
                 ("Diplom-Ingenieur Maschinenbau", "master"), ("Promotion in Physik", "doctorate"),
                 ("Diplom Wirtschaftsinformatik", "master"), ("Bachelor of Science Wirtschaftsinformatik", "bachelor"),
                 ("Abitur", "high_school")),
        headings=({"summary": "Profil", "experience": "Berufserfahrung", "education": "Ausbildung",
                   "skills": "Kenntnisse", "languages": "Sprachen"},
                  {"summary": "Kurzprofil", "experience": "Beruflicher Werdegang", "education": "Studium",
                   "skills": "Fähigkeiten", "languages": "Sprachkenntnisse"},
                  {"summary": "Über mich", "experience": "Praxiserfahrung", "education": "Bildungsweg",
                   "skills": "IT-Kenntnisse", "languages": "Sprachen"}),
        europass={"personal": "Persönliche Informationen", "experience": "Berufserfahrung",
                  "education": "Schul- und Berufsbildung", "skills": "Persönliche Fähigkeiten",
                  "languages": "Sprachen", "address": "Wohnort", "phone": "Telefon", "email": "E-Mail",
                  "summary": "Berufsprofil"},
        months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                "November", "Dezember"),
        abbreviations=("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.",
                       "Dez."),
        present=("heute", "aktuell", "jetzt", "laufend"),
        phone_formats=(("030 {a}", "national"), ("0151 {h}", "national"), ("+49 30 {a}", "international"),
                       ("+49 (0)89 {a}", "international")),
        summary=("Erfahrene Fachkraft mit Schwerpunkt auf {skill} und der Zusammenarbeit mit internationalen Teams.",
                 "Engagierte Mitarbeiterin mit mehrjähriger Erfahrung in {skill} und einem Blick für Details."),
        highlights=("Entwicklung und Betrieb von Anwendungen mit {skill} für die Fachabteilungen",
                    "Verantwortung für die Einführung von {skill} in drei Teams",
                    "Analyse der Kennzahlen mit {skill} und Berichte an die Geschäftsleitung",
                    "Betreuung von Kunden und Schulung der Kollegen in {skill}"),
        skill_labels=("Software", "Methoden", "Werkzeuge"),
        spoken=("Deutsch", "Englisch", "Französisch", "Spanisch"),
        levels=("Muttersprache", "fließend", "gute Kenntnisse", "Grundkenntnisse"),
    ),
    "fr": Pools(
        country="FR",
        first_names=("Camille", "Julien", "Élodie", "Mathieu", "Chloé", "Nicolas", "Margaux", "Antoine", "Inès",
                     "Guillaume", "Céline", "Baptiste"),
        last_names=("Lefèvre", "Moreau", "Girard", "Fontaine", "Chevalier", "Rousseau", "Garnier", "Faure",
                    "Mercier", "Dupuis", "Lambert", "Bonnet"),
        cities=("Paris, France", "Lyon, France", "Toulouse, France", "Nantes, France", "Bordeaux, France",
                "Lille, France"),
        employers=("Lumière Conseil SAS", "Groupe Vermeil SA", "Atelier Numérique SARL", "Banque du Lys SA",
                   "Transports Durandal SAS", "Horizon Santé SAS", "Éditions Clairvoie SA", "Solaris Énergie SAS"),
        titles=("Ingénieur logiciel", "Chef de projet", "Analyste de données", "Responsable commercial",
                "Chargée de communication", "Développeuse web", "Comptable", "Consultant SAP",
                "Responsable des ressources humaines", "Technicien de maintenance"),
        schools=("Université de Lyon", "Sorbonne Université", "École Centrale de Nantes", "Université de Bordeaux",
                 "Institut National des Sciences Appliquées de Toulouse", "Université de Lille"),
        degrees=(("Master en informatique", "master"), ("Licence en économie", "bachelor"),
                 ("Doctorat en chimie", "doctorate"), ("BTS Comptabilité et gestion", "associate"),
                 ("Diplôme d'ingénieur en génie civil", "master"), ("Licence professionnelle Commerce", "bachelor"),
                 ("Baccalauréat scientifique", "high_school")),
        headings=({"summary": "Profil", "experience": "Expérience professionnelle", "education": "Formation",
                   "skills": "Compétences", "languages": "Langues"},
                  {"summary": "Résumé", "experience": "Expériences professionnelles", "education": "Formations",
                   "skills": "Compétences techniques", "languages": "Langues"},
                  {"summary": "À propos", "experience": "Parcours professionnel", "education": "Diplômes",
                   "skills": "Savoir-faire", "languages": "Langues parlées"}),
        europass={"personal": "Informations personnelles", "experience": "Expérience professionnelle",
                  "education": "Éducation et formation", "skills": "Compétences personnelles",
                  "languages": "Langues", "address": "Adresse", "phone": "Téléphone", "email": "E-mail",
                  "summary": "Profil"},
        months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                "novembre", "décembre"),
        abbreviations=("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
                       "déc."),
        present=("aujourd'hui", "présent", "à ce jour", "en cours"),
        phone_formats=(("06 {c}", "national"), ("01 {c}", "national"), ("+33 6 {c}", "international"),
                       ("07 {c}", "national")),
        summary=("Professionnel expérimenté, spécialisé dans {skill} et le travail en équipe.",
                 "Passionnée par {skill}, avec le goût des projets menés de bout en bout."),
        highlights=("Conception et mise en place de tableaux de bord avec {skill} pour la direction",
                    "Pilotage de la migration vers {skill} dans les délais et le budget",
                    "Formation des équipes à {skill} et rédaction de la documentation",
                    "Amélioration des processus de la société grâce à {skill}"),
        skill_labels=("Logiciels", "Méthodes", "Outils"),
        spoken=("Français", "Anglais", "Espagnol", "Allemand"),
        levels=("langue maternelle", "courant", "bon niveau", "notions"),
    ),
    "es": Pools(
        country="ES",
        first_names=("Lucía", "Javier", "Marta", "Alejandro", "Carmen", "Sergio", "Paula", "Álvaro", "Nuria",
                     "Rubén", "Elena", "Diego"),
        last_names=("García López", "Martínez Ruiz", "Fernández Gil", "Sánchez Moreno", "Romero Díaz",
                    "Navarro Torres", "Jiménez Ortega", "Castillo Vega", "Herrera Molina", "Domínguez Rey",
                    "Ibáñez Soler", "Muñoz Prieto"),
        cities=("Madrid, España", "Barcelona, España", "Valencia, España", "Sevilla, España", "Bilbao, España",
                "Zaragoza, España"),
        employers=("Soluciones Alborán S.L.", "Grupo Meridiano S.A.", "Tecnologías Cierzo S.L.",
                   "Banco del Tajo S.A.", "Logística Albufera S.L.", "Consultora Almenara S.L.",
                   "Energías del Ebro S.A.", "Clínica Santa Brígida S.L."),
        titles=("Desarrollador de software", "Jefa de proyecto", "Analista de datos", "Director comercial",
                "Técnico de sistemas", "Responsable de recursos humanos", "Contable", "Diseñadora gráfica",
                "Consultor SAP", "Ingeniera de calidad"),
        schools=("Universidad de Sevilla", "Universidad Complutense de Madrid", "Universidad Politécnica de Valencia",
                 "Universidad de Zaragoza", "Universidad de Deusto", "Universitat de Barcelona"),
        degrees=(("Grado en Ingeniería Informática", "bachelor"), ("Máster en Dirección de Empresas", "master"),
                 ("Doctorado en Biología", "doctorate"), ("Licenciatura en Economía", "bachelor"),
                 ("Técnico Superior en Administración de Sistemas", "associate"),
                 ("Máster Universitario en Ciencia de Datos", "master"), ("Grado en Marketing", "bachelor")),
        headings=({"summary": "Perfil", "experience": "Experiencia laboral", "education": "Formación académica",
                   "skills": "Habilidades", "languages": "Idiomas"},
                  {"summary": "Perfil profesional", "experience": "Experiencia profesional", "education": "Educación",
                   "skills": "Competencias", "languages": "Idiomas"},
                  {"summary": "Sobre mí", "experience": "Trayectoria profesional", "education": "Estudios",
                   "skills": "Conocimientos", "languages": "Idiomas"}),
        europass={"personal": "Información personal", "experience": "Experiencia profesional",
                  "education": "Educación y formación", "skills": "Competencias personales",
                  "languages": "Idiomas", "address": "Dirección", "phone": "Teléfono", "email": "Correo electrónico",
                  "summary": "Perfil"},
        months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                "noviembre", "diciembre"),
        abbreviations=("ene.", "feb.", "mar.", "abr.", "may.", "jun.", "jul.", "ago.", "sept.", "oct.", "nov.",
                       "dic."),
        present=("actualidad", "presente", "actual", "hoy"),
        phone_formats=(("6{d}", "national"), ("91 {e}", "national"), ("+34 6{d}", "international"),
                       ("+34 91 {e}", "international")),
        summary=("Profesional con experiencia en {skill} y orientación a resultados.",
                 "Apasionada por {skill} y por el trabajo en equipos multidisciplinares."),
        highlights=("Desarrollo de aplicaciones internas con {skill} para el área financiera",
                    "Coordinación de la implantación de {skill} en cuatro departamentos",
                    "Elaboración de informes mensuales con {skill} para la dirección",
                    "Formación de nuevos compañeros en el uso de {skill}"),
        skill_labels=("Informática", "Metodologías", "Herramientas"),
        spoken=("Español", "Inglés", "Francés", "Alemán"),
        levels=("nativo", "avanzado", "intermedio", "básico"),
    ),
    "pt": Pools(
        country="PT",
        first_names=("Inês", "João", "Beatriz", "Tiago", "Mariana", "Rui", "Catarina", "Gonçalo", "Sofia", "Miguel",
                     "Joana", "Duarte"),
        last_names=("Ferreira", "Carvalho", "Pereira Santos", "Rodrigues", "Almeida", "Sousa Costa", "Gonçalves",
                    "Marques", "Lopes", "Ribeiro", "Pinto", "Teixeira"),
        cities=("Lisboa, Portugal", "Porto, Portugal", "Coimbra, Portugal", "Braga, Portugal", "Aveiro, Portugal",
                "Faro, Portugal"),
        employers=("Atlântico Digital, Lda.", "Grupo Lusovia S.A.", "Tejo Sistemas, Lda.", "Banco Ribeirinho S.A.",
                   "Douro Logística, Lda.", "Consultores Alfama, Lda.", "Energia Minho S.A.",
                   "Farmácias Estrela S.A."),
        titles=("Engenheiro de software", "Gestora de projetos", "Analista de dados", "Diretor comercial",
                "Técnico de informática", "Contabilista", "Designer gráfica", "Consultor SAP",
                "Responsável de recursos humanos", "Assistente administrativa"),
        schools=("Universidade do Porto", "Universidade de Lisboa", "Universidade de Coimbra", "Universidade do Minho",
                 "Instituto Superior Técnico", "Universidade de Aveiro"),
        degrees=(("Licenciatura em Engenharia Informática", "bachelor"), ("Mestrado em Gestão", "master"),
                 ("Doutoramento em Química", "doctorate"), ("Mestrado Integrado em Engenharia Civil", "master"),
                 ("Licenciatura em Economia", "bachelor"),
                 ("Curso Técnico Superior Profissional em Redes", "associate"),
                 ("Mestrado em Ciência de Dados", "master")),
        headings=({"summary": "Perfil", "experience": "Experiência profissional", "education": "Formação académica",
                   "skills": "Competências", "languages": "Idiomas"},
                  {"summary": "Resumo", "experience": "Percurso profissional", "education": "Educação",
                   "skills": "Competências técnicas", "languages": "Línguas"},
                  {"summary": "Sobre mim", "experience": "Experiência", "education": "Habilitações literárias",
                   "skills": "Conhecimentos", "languages": "Idiomas"}),
        europass={"personal": "Informação pessoal", "experience": "Experiência profissional",
                  "education": "Educação e formação", "skills": "Competências pessoais",
                  "languages": "Línguas", "address": "Morada", "phone": "Telefone", "email": "Correio eletrónico",
                  "summary": "Perfil"},
        months=("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro",
                "novembro", "dezembro"),
        abbreviations=("jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.",
                       "dez."),
        present=("atualmente", "presente", "atual", "hoje"),
        phone_formats=(("9{f}", "national"), ("21 {g}", "national"), ("+351 9{f}", "international"),
                       ("22 {g}", "national")),
        summary=("Profissional com experiência em {skill} e foco em resultados.",
                 "Apaixonada por {skill} e pelo trabalho em equipa."),
        highlights=("Desenvolvimento de aplicações internas com {skill} para a área financeira",
                    "Coordenação da implementação de {skill} em quatro departamentos",
                    "Preparação de relatórios mensais em {skill} para a administração",
                    "Formação de novos colegas na utilização de {skill}"),
        skill_labels=("Informática", "Metodologias", "Ferramentas"),
        spoken=("Português", "Inglês", "Francês", "Espanhol"),
        levels=("nativo", "fluente", "intermédio", "básico"),
    ),
    "nl": Pools(
        country="NL",
        first_names=("Sanne", "Daan", "Fleur", "Bram", "Lotte", "Thijs", "Eva", "Joost", "Anouk", "Ruben",
                     "Marieke", "Sem"),
        last_names=("de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Jong", "Mulder",
                    "van Dijk", "Jansen", "Vermeulen", "Kuipers"),
        cities=("Amsterdam, Nederland", "Rotterdam, Nederland", "Utrecht, Nederland", "Eindhoven, Nederland",
                "Groningen, Nederland", "Den Haag, Nederland"),
        employers=("Polderwerk B.V.", "Grachtenzicht Advies B.V.", "Tulpenveld Logistiek B.V.", "Duinrand Bank N.V.",
                   "Molenaar Software B.V.", "Zeeburg Energie N.V.", "Kanaalstad Zorg B.V.", "Heidelicht Media B.V."),
        titles=("Softwareontwikkelaar", "Projectmanager", "Data-analist", "Accountmanager", "Systeembeheerder",
                "HR-adviseur", "Boekhouder", "Marketingmedewerker", "Teamleider klantenservice",
                "Werktuigbouwkundig ingenieur"),
        schools=("Universiteit Utrecht", "Technische Universiteit Eindhoven", "Hogeschool van Amsterdam",
                 "Rijksuniversiteit Groningen", "Erasmus Universiteit Rotterdam", "Hogeschool Rotterdam"),
        degrees=(("HBO Bachelor Informatica", "bachelor"), ("WO Master Bedrijfskunde", "master"),
                 ("Bachelor Technische Bedrijfskunde", "bachelor"), ("Master Data Science", "master"),
                 ("Promotie Scheikunde", "doctorate"), ("HBO Commerciële Economie", "bachelor"),
                 ("MSc Econometrie", "master")),
        headings=({"summary": "Profiel", "experience": "Werkervaring", "education": "Opleiding",
                   "skills": "Vaardigheden", "languages": "Talen"},
                  {"summary": "Over mij", "experience": "Werkervaring", "education": "Opleidingen",
                   "skills": "Competenties", "languages": "Talenkennis"},
                  {"summary": "Persoonlijk profiel", "experience": "Loopbaan", "education": "Opleiding",
                   "skills": "Kennis en vaardigheden", "languages": "Talen"}),
        europass={"personal": "Persoonlijke informatie", "experience": "Werkervaring",
                  "education": "Onderwijs en opleiding", "skills": "Persoonlijke vaardigheden",
                  "languages": "Talen", "address": "Adres", "phone": "Telefoon", "email": "E-mail",
                  "summary": "Profiel"},
        months=("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
                "november", "december"),
        abbreviations=("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
        present=("heden", "nu", "huidig", "present"),
        phone_formats=(("06-{h}", "national"), ("020-{i}", "national"), ("+31 6 {h}", "international"),
                       ("010 {i}", "national")),
        summary=("Ervaren professional met een sterke focus op {skill} en samenwerking.",
                 "Resultaatgerichte collega met ervaring in {skill} en oog voor de klant."),
        highlights=("Ontwikkeling van interne applicaties met {skill} voor de financiële afdeling",
                    "Verantwoordelijk voor de invoering van {skill} bij drie teams",
                    "Maandelijkse rapportages met {skill} voor het management",
                    "Begeleiding van nieuwe collega's bij het gebruik van {skill}"),
        skill_labels=("Software", "Methoden", "Tools"),
        spoken=("Nederlands", "Engels", "Duits", "Frans"),
        levels=("moedertaal", "vloeiend", "goed", "basis"),
    ),
    "it": Pools(
        country="IT",
        first_names=("Giulia", "Marco", "Francesca", "Luca", "Chiara", "Matteo", "Alessandra", "Davide", "Silvia",
                     "Lorenzo", "Federica", "Stefano"),
        last_names=("Rossi", "Bianchi", "Ferrari", "Esposito", "Romano", "Colombo", "Ricci", "Marino", "Greco",
                    "Bruno", "Galli", "Conti"),
        cities=("Milano, Italia", "Roma, Italia", "Torino, Italia", "Bologna, Italia", "Napoli, Italia",
                "Firenze, Italia"),
        employers=("Soluzioni Adriatiche S.r.l.", "Gruppo Tramontana S.p.A.", "Officine Brenta S.r.l.",
                   "Banca del Garda S.p.A.", "Logistica Appennino S.r.l.", "Studio Vesuvio S.r.l.",
                   "Energia Dolomiti S.p.A.", "Farmacia Laguna S.r.l."),
        titles=("Sviluppatore software", "Responsabile marketing", "Analista dati", "Direttore commerciale",
                "Tecnico informatico", "Contabile", "Progettista meccanico", "Consulente SAP",
                "Addetta alle risorse umane", "Capo progetto"),
        schools=("Università di Bologna", "Politecnico di Milano", "Università degli Studi di Torino",
                 "Sapienza Università di Roma", "Università degli Studi di Napoli Federico II",
                 "Università di Firenze"),
        degrees=(("Laurea triennale in Informatica", "bachelor"),
                 ("Laurea magistrale in Ingegneria Gestionale", "master"),
                 ("Dottorato di ricerca in Fisica", "doctorate"), ("Laurea specialistica in Economia", "master"),
                 ("Laurea triennale in Economia Aziendale", "bachelor"),
                 ("Master di primo livello in Marketing", "master"),
                 ("Diploma di maturità scientifica", "high_school")),
        headings=({"summary": "Profilo", "experience": "Esperienza professionale", "education": "Istruzione",
                   "skills": "Competenze", "languages": "Lingue"},
                  {"summary": "Profilo professionale", "experience": "Esperienze lavorative", "education": "Formazione",
                   "skills": "Competenze tecniche", "languages": "Lingue straniere"},
                  {"summary": "Chi sono", "experience": "Esperienze professionali", "education": "Titoli di studio",
                   "skills": "Capacità", "languages": "Conoscenze linguistiche"}),
        europass={"personal": "Informazioni personali", "experience": "Esperienza professionale",
                  "education": "Istruzione e formazione", "skills": "Competenze personali",
                  "languages": "Lingue", "address": "Indirizzo", "phone": "Telefono", "email": "E-mail",
                  "summary": "Profilo"},
        months=("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
                "ottobre", "novembre", "dicembre"),
        abbreviations=("gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"),
        present=("oggi", "presente", "attuale", "in corso"),
        phone_formats=(("347 {j}", "national"), ("02 {k}", "national"), ("+39 347 {j}", "international"),
                       ("333 {j}", "national")),
        summary=("Professionista con esperienza in {skill} e attitudine al lavoro di squadra.",
                 "Appassionata di {skill}, con una forte attenzione ai risultati."),
        highlights=("Sviluppo di applicazioni interne con {skill} per l'area amministrazione",
                    "Coordinamento dell'introduzione di {skill} in tre reparti",
                    "Preparazione di report mensili con {skill} per la direzione",
                    "Formazione dei nuovi colleghi sull'uso di {skill}"),
        skill_labels=("Informatica", "Metodologie", "Strumenti"),
        spoken=("Italiano", "Inglese", "Francese", "Tedesco"),
        levels=("madrelingua", "ottimo", "buono", "scolastico"),
    ),
}

# Date styles: how months are written ("full": "März 2020", "abbr": "Sept. 2020",
# "numeric": "03/2020", "dotted": "03.2020", "year": "2020").
DATE_STYLES = ("full", "abbr", "numeric", "dotted", "year")
_SEPARATORS = (" – ", " - ", " — ", "–")
_MAIL_HOSTS = {"de": "mail.de", "fr": "orange.fr", "es": "correo.es", "pt": "sapo.pt", "nl": "ziggo.nl",
               "it": "libero.it"}


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z]+", ".", folded.lower()).strip(".")


def _digits(random_: random.Random, count: int) -> str:
    return "".join(str(random_.randint(0, 9)) for _ in range(count))


def _phone(pools: Pools, random_: random.Random, variant: int) -> tuple[str, str]:
    """(as written, E.164): a number the phone plan of the country calls valid."""
    template, _ = pools.phone_formats[variant % len(pools.phone_formats)]
    for _ in range(1000):
        fills = {
            "a": _digits(random_, 7),
            "c": " ".join(_digits(random_, 2) for _ in range(4)),
            "d": f"{_digits(random_, 2)} {_digits(random_, 2)} {_digits(random_, 2)} {_digits(random_, 2)}",
            "e": f"{_digits(random_, 3)} {_digits(random_, 2)} {_digits(random_, 2)}",
            "f": f"{_digits(random_, 2)} {_digits(random_, 3)} {_digits(random_, 3)}",
            "g": f"{_digits(random_, 3)} {_digits(random_, 4)}",
            "h": _digits(random_, 8), "i": _digits(random_, 7),
            "j": f"{_digits(random_, 3)} {_digits(random_, 4)}",
            "k": f"{_digits(random_, 4)} {_digits(random_, 4)}",
        }
        written = template.format(**fills)
        if pools.country == "ES" and template.startswith("6"):
            written = written[:3] + " " + written[3:5] + " " + written[5:].lstrip()
            written = " ".join(written.split())
        number = phonenumbers.parse(written, pools.country)
        if phonenumbers.is_valid_number(number):
            return written, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValueError(f"no valid number for {template}")


def _written_month(index: int) -> str:
    return f"{index // 12}-{index % 12 + 1:02d}"


def person(language: str, number: int) -> dict[str, Any]:
    """The truth of one person: facts, how the resume writes them, and its key."""
    pools = POOLS[language]
    random_ = random.Random(f"{language}-{number}")
    first = pools.first_names[(number * 5 + 1) % len(pools.first_names)]
    last = pools.last_names[(number * 7 + 3) % len(pools.last_names)]
    name = f"{first} {last}"
    phone, e164 = _phone(pools, random_, number)
    date_style = DATE_STYLES[number % len(DATE_STYLES)]
    # Month-less dates keep whole years in the truth.
    year_only = date_style == "year"
    jobs = []
    cursor = (_LAST_YEAR + 1) * 12 + random_.randint(0, 6)
    employers = random_.sample(pools.employers, 3)
    titles = random_.sample(pools.titles, 3)
    skills = random_.sample(_SKILLS, 7)
    for index in range(2 + number % 2):
        length = random_.randint(14, 40)
        start = cursor - length
        current = index == 0 and number % 4 != 3
        end = cursor if not current else None
        highlights = [template.format(skill=skills[(index + k) % len(skills)])
                      for k, template in enumerate(random_.sample(pools.highlights, 2))]
        jobs.append({
            "title": titles[index], "company": employers[index],
            "location": random_.choice(pools.cities).split(",")[0],
            "start": str(start // 12) if year_only else _written_month(start),
            "end": "present" if current else (str(end // 12) if year_only else _written_month(end or 0)),
            "highlights": highlights,
        })
        cursor = start - random_.randint(1, 5)
    schools = []
    for index, (degree, level) in enumerate(random_.sample(pools.degrees[:6], 1 + number % 2)):
        end_year = cursor // 12 - index * 3
        school = pools.schools[(number + index) % len(pools.schools)]
        schools.append({"institution": school, "degree": degree, "level": level,
                        "location": random_.choice(pools.cities).split(",")[0],
                        "start": str(end_year - (2 if level in ("master", "associate") else 3)),
                        "end": str(end_year)})
    key = f"{language}{number:02d}_{_ascii(first)}_{_ascii(last)}".replace(".", "_")
    spoken = [f"{pools.spoken[0]} ({pools.levels[0]})",
              *(f"{lang} ({pools.levels[1 + (k + number) % 3]})" for k, lang in enumerate(pools.spoken[1:3]))]
    return {
        "key": key,
        "language": language,
        "name": name,
        "email": f"{_ascii(first)}.{_ascii(last)}@{_MAIL_HOSTS[language]}",
        "phone": phone,
        "phone_e164": e164,
        "location": random_.choice(pools.cities),
        "links": [],
        "summary": pools.summary[number % 2].format(skill=skills[0]),
        "experience": jobs,
        "education": schools,
        "skills": {label: skills[k * 2:k * 2 + 2 + (k == 2)] for k, label in enumerate(pools.skill_labels)},
        # Every skill the highlights name is in a skills group too.
        "skills_mentioned": [],
        "languages": spoken,
        "certifications": [],
        "style": {
            "dates": date_style,
            "headings": number % len(pools.headings),
            "separator": _SEPARATORS[number % len(_SEPARATORS)],
            "present": pools.present[number % len(pools.present)],
        },
    }


def people() -> list[dict[str, Any]]:
    return [person(language, number) for language in LANGUAGES for number in range(PEOPLE_PER_LANGUAGE)]


def written_date(value: str, pools: Pools, style: dict[str, Any]) -> str:
    """A truth date as the resume writes it in its language."""
    if value == "present":
        return style["present"]
    year, _, month_text = value.partition("-")
    if not month_text:
        return year
    month = int(month_text)
    return {"full": f"{pools.months[month - 1]} {year}", "abbr": f"{pools.abbreviations[month - 1]} {year}",
            "numeric": f"{month:02d}/{year}", "dotted": f"{month:02d}.{year}"}[style["dates"]]


def written_span(start: str, end: str, pools: Pools, style: dict[str, Any]) -> str:
    return written_date(start, pools, style) + style["separator"] + written_date(end, pools, style)
