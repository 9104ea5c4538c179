"""Parents' queries over the shipped content, and the page each should find in the top 5.

Written from the seeds' vocabulary and the way parents phrase things: questions, sentences,
misspellings, single words, acronyms. `process` marks a question about a process (complaints,
assessments, turning 18): it must find a guide or a rights page, not only services.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Query:
    council: str
    text: str
    page: str  # the address under /<council>/ that should come first or in the top 5
    process: bool = False

    @property
    def expected(self):
        return f"/{self.council}/{self.page}"

    @property
    def addresses(self):
        """Who to contact is on the home page until the council has a contact page."""
        if self.page == "contact/":
            return (self.expected, f"/{self.council}/")
        return (self.expected,)


PROCESS = True


QUERIES = [
    # Essex
    Query("essex", "respite", "services/short-break-overnight-provision/"),
    Query("essex", "overnight stay for my child", "services/short-break-overnight-provision/"),
    Query("essex", "money to pay for care", "services/personal-budgets/"),
    Query("essex", "direct payment", "faq/#can-my-child-get-direct-payments"),
    Query("essex", "someone to talk to", "information-advice/"),
    Query("essex", "help at home with washing and dressing", "services/support-at-home/"),
    Query("essex", "a break for me as a carer", "services/short-breaks-for-carers/"),
    Query("essex", "how do I complain", "complaints/", PROCESS),
    Query("essex", "turning 18", "faq/#what-happens-at-18", PROCESS),
    Query("essex", "asesment for my child", "routes/social-work-assessment/", PROCESS),
    Query("essex", "early help", "services/early-help-and-family-help/"),
    Query("essex", "worried my child is not safe", "routes/child-protection/"),
    Query("essex", "phone number", "contact/"),
    # Bexley
    Query("bexley", "short breaks", "services/short-breaks/"),
    Query("bexley", "respit", "services/short-breaks/"),
    Query("bexley", "IASS", "services/bexley-iass/"),
    Query("bexley", "someone to talk to", "services/bexley-iass/"),
    Query("bexley", "what happens when my son turns 18", "faq/#what-happens-at-18", PROCESS),
    Query("bexley", "adulthood", "services/preparing-for-adulthood/"),
    Query(
        "bexley", "can I get an assessment for myself as a parent carer",
        "services/parent-carer-assessment/", PROCESS,
    ),
    Query("bexley", "complaint", "complaints/", PROCESS),
    Query("bexley", "i disagree with the decision", "faq/#what-if-i-disagree", PROCESS),
    Query("bexley", "CSDPA", "services/csdpa-services/"),
    Query("bexley", "adaptations to our home and equipment", "services/csdpa-services/"),
    Query(
        "bexley", "social worker assessment",
        "services/childrens-social-care-assessment/", PROCESS,
    ),
    # Norfolk
    Query("norfolk", "respite", "services/short-breaks/"),
    Query("norfolk", "holiday club", "services/short-breaks/"),
    Query("norfolk", "NEHFF", "services/norfolk-early-help-family-focus/"),
    Query("norfolk", "family support", "services/early-help-and-family-support/"),
    Query("norfolk", "EHCP social care advice", "services/social-care-advice-for-ehc-assessments/"),
    Query(
        "norfolk", "how long does an EHC plan take",
        "faq/#how-long-does-social-care-advice-take", PROCESS,
    ),
    Query("norfolk", "levels of need", "levels-of-need/"),
    Query(
        "norfolk", "how do i ask for an assesment",
        "faq/#how-do-i-ask-for-an-assessment", PROCESS,
    ),
    Query("norfolk", "complain about social services", "complaints/", PROCESS),
    Query("norfolk", "preparing for adulthood", "preparing-for-adulthood/", PROCESS),
    Query("norfolk", "parent carer assessment", "services/parent-carer-assessment/", PROCESS),
    Query("norfolk", "clubs and groups near me", "services/universal-services/"),
    # Stoke-on-Trent
    Query("stoke-on-trent", "autism", "services/asd-team/"),
    Query("stoke-on-trent", "my son is autistic", "services/asd-team/"),
    Query("stoke-on-trent", "aiming high", "services/aiming-high/"),
    Query("stoke-on-trent", "aimng hihg", "services/aiming-high/"),
    Query("stoke-on-trent", "CWD", "services/children-with-disabilities-team/"),
    Query("stoke-on-trent", "mental health", "services/camhs-disability-service/"),
    Query("stoke-on-trent", "speech and language therapy", "services/speech-therapy/"),
    Query("stoke-on-trent", "carers support", "services/carers-hub/"),
    Query("stoke-on-trent", "portage", "services/portage/"),
    Query("stoke-on-trent", "what is a DSCO", "faq/#what-is-a-dsco"),
    Query(
        "stoke-on-trent", "why was I offered early help instead of a social worker",
        "faq/#why-early-help-or-aiming-high", PROCESS,
    ),
    Query(
        "stoke-on-trent", "who do I speak to about my assessment",
        "faq/#who-do-i-speak-to-about-my-assessment", PROCESS,
    ),
    Query("stoke-on-trent", "complaints", "complaints/", PROCESS),
    Query(
        "stoke-on-trent", "nurse for my child at home",
        "services/childrens-community-nursing-team/",
    ),
]
