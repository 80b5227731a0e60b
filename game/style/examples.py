"""Example paragraphs a visitor can try with one key, written for the project."""

EXAMPLES = (
    # The diary first: it is what a visitor without a text of their own sees first, and
    # tuning visibly changes it (held-out gain 0.19, style closer on 2 of 3 or more); the
    # formal email gains 0.005 (base v5): the base already predicts a formal letter's end,
    # and not only its sign-off (round six: without the sign-off a letter gains no more).
    (
        "a casual diary",
        (
            "ok so today was kind of a mess lol. woke up late again, like 9:40, and totally "
            "missed the bus so i had to walk. it was raining the whole way which was great, "
            "super great, love that. got to work all soaked and Jess just looked at me and "
            "laughed. fair enough tbh.\n"
            "\n"
            "lunch was good tho! we got tacos from the little place by the park and i ate way"
            " too many. like four. maybe five? whatever, no regrets. then the afternoon was "
            "just meetings and more meetings and i kinda zoned out during the last one. oops.\n"
            "\n"
            "came home, made pasta, watched two episodes of that baking show. gonna try to "
            "sleep early but lets be honest that's not happening haha.\n"
            "\n"
            "saturday!! finally. slept till 11 and it was amazing. made pancakes, burnt the "
            "first one like always, the rest were fine tho. then me and Sam went to the "
            "market and bought way too much stuff. like why do i need three kinds of cheese. "
            "i don't. but here we are.\n"
            "\n"
            "in the afternoon we went for a walk by the river and it was actually sunny for "
            "once. saw a dog that looked exactly like"
        ),
    ),
    (
        "a formal email",
        (
            "Dear Team,\n"
            "\n"
            "I hope this message finds you well. I am writing to follow up on our discussion "
            "regarding the second quarter roadmap. As agreed, we will prioritise the customer"
            " portal, and therefore the reporting work will move to the third quarter. Please"
            " let me know your thoughts at your earliest convenience.\n"
            "\n"
            "Furthermore, I would like to confirm the schedule for the review meeting. The "
            "meeting will take place on Thursday at ten o'clock in the main conference room. "
            "Kindly ensure that your summaries are submitted by Wednesday afternoon, so that "
            "we may circulate them in advance. Should you have any questions, please do not "
            "hesitate to contact me.\n"
            "\n"
            "Regarding the budget, I would like to note that the finance team has approved "
            "the revised estimate. Nevertheless, we must remain careful with additional "
            "expenses. Any request above the agreed amount will require written approval from"
            " the department head. I appreciate your cooperation in this matter.\n"
            "\n"
            "Kind regards,\n"
            "Margaret\n"
            "\n"
            "Dear Colleagues,\n"
            "\n"
            "Thank you for your patience during the recent system upgrade. I am pleased to "
            "inform you that the migration has been completed successfully. All accounts have"
            " been transferred, and the new interface is now available to every member of "
            "staff. Please review the attached guide, which describes the principal changes"
        ),
    ),
)
