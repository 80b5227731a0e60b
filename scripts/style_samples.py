"""Two sample writing styles, written for the project, to measure the Style Transfer recipe."""

FORMAL = """Dear Team,

I hope this message finds you well. I am writing to follow up on our discussion regarding the \
second quarter roadmap. As agreed, we will prioritise the customer portal, and therefore the \
reporting work will move to the third quarter. Please let me know your thoughts at your \
earliest convenience.

Furthermore, I would like to confirm the schedule for the review meeting. The meeting will \
take place on Thursday at ten o'clock in the main conference room. Kindly ensure that your \
summaries are submitted by Wednesday afternoon, so that we may circulate them in advance. \
Should you have any questions, please do not hesitate to contact me.

Regarding the budget, I would like to note that the finance team has approved the revised \
estimate. Nevertheless, we must remain careful with additional expenses. Any request above \
the agreed amount will require written approval from the department head. I appreciate your \
cooperation in this matter.

Kind regards,
Margaret

Dear Colleagues,

Thank you for your patience during the recent system upgrade. I am pleased to inform you that \
the migration has been completed successfully. All accounts have been transferred, and the \
new interface is now available to every member of staff. Please review the attached guide, \
which describes the principal changes in detail.

In addition, I would like to remind you that the previous system will be retired at the end \
of the month. Consequently, any documents stored there should be moved before that date. The \
support desk will remain available to assist you with this process. We appreciate your \
understanding and your continued support.

Should you encounter any difficulty, please contact the support desk directly. We will \
endeavour to respond within one working day. Thank you once again for your cooperation.

Best regards,
Margaret

Dear Mr Harrison,

Thank you for your letter of the fourteenth of March. I have reviewed your proposal with \
considerable interest, and I would like to arrange a meeting to discuss it further. Would \
you be available on Tuesday or Wednesday of next week? I would be grateful if you could \
confirm a suitable time.

With regard to the terms you mentioned, I believe there may be some room for adjustment. \
However, I must first consult with our legal department. I will therefore write to you again \
once I have received their advice. In the meantime, please accept my thanks for your \
patience.

Yours sincerely,
Margaret Ellis

Dear Team,

I am writing to inform you of several changes to our procedures, which will take effect from \
the first of next month. Firstly, all purchase requests must be submitted through the new \
portal. Secondly, travel bookings will require approval from your line manager. Finally, \
expense claims must be accompanied by original receipts.

I appreciate that these changes may require some adjustment. Nevertheless, they will ensure \
that our processes are consistent and transparent. Please read the attached policy carefully, \
and do not hesitate to contact me should you require clarification.

Furthermore, I would like to thank everyone who contributed to the review of our procedures. \
Your suggestions were most helpful, and several of them have been adopted in the final \
version. I look forward to our continued collaboration.

Kind regards,
Margaret

Dear Ms Patel,

Further to our telephone conversation this morning, I am pleased to confirm the arrangements \
for the training session. The session will be held on the twentieth of April, from nine \
o'clock until half past twelve. Coffee will be served on arrival. I would be grateful if you \
could send me the final list of participants by Friday.

Please note that the room has a projector and a whiteboard. Should you require any further \
equipment, kindly let me know in advance, and I will make the necessary arrangements. I look \
forward to welcoming you and your colleagues.

Yours sincerely,
Margaret Ellis

Dear Colleagues,

I would like to draw your attention to the annual staff survey, which opens on Monday. The \
survey is entirely confidential, and it will take approximately fifteen minutes to complete. \
Your responses will help us to understand what is working well and where improvements are \
needed. I would therefore encourage every member of staff to take part.

The results will be presented at the general meeting in June. In addition, each department \
will receive a summary of its own responses, so that managers may discuss them with their \
teams. Thank you in advance for your participation.

Best regards,
Margaret

Dear Team,

Following the meeting on Thursday, I am writing to summarise the actions we agreed. The \
design team will prepare a revised proposal by the end of the month. The project office will \
update the schedule accordingly, and the finance team will review the cost estimate. I will \
circulate the minutes separately.

Please ensure that any outstanding comments are sent to me by Monday. I would also be \
grateful if you could review the risks listed in the appendix, as several of them require \
attention before the next review. Thank you for your continued commitment to this project.

Kind regards,
Margaret
Dear Mr Okafor,

Thank you for submitting your application for the position of project coordinator. We were \
impressed by your experience and would like to invite you to an interview. The interview \
will take place on the ninth of May at two o'clock, at our office on Station Road. Please \
bring a form of identification and a copy of your qualifications.

Should the proposed time be inconvenient, kindly let me know, and I will endeavour to offer \
an alternative. I look forward to meeting you.

Yours sincerely,
Margaret Ellis

Dear Colleagues,

I regret to inform you that the office will be closed on Friday, owing to essential \
maintenance of the electrical system. Consequently, all meetings scheduled for that day \
should be held remotely or postponed. The maintenance contractor has assured us that the \
work will be completed by Saturday evening, and the office will therefore reopen as usual on \
Monday morning.

Please ensure that your computers are switched off before you leave on Thursday. In \
addition, kindly remove any personal belongings from the kitchen. I apologise for any \
inconvenience this may cause, and I thank you for your understanding.

Kind regards,
Margaret
"""

CASUAL = """ok so today was kind of a mess lol. woke up late again, like 9:40, and totally \
missed the bus so i had to walk. it was raining the whole way which was great, super great, \
love that. got to work all soaked and Jess just looked at me and laughed. fair enough tbh.

lunch was good tho! we got tacos from the little place by the park and i ate way too many. \
like four. maybe five? whatever, no regrets. then the afternoon was just meetings and more \
meetings and i kinda zoned out during the last one. oops.

came home, made pasta, watched two episodes of that baking show. gonna try to sleep early \
but lets be honest that's not happening haha.

saturday!! finally. slept till 11 and it was amazing. made pancakes, burnt the first one like \
always, the rest were fine tho. then me and Sam went to the market and bought way too much \
stuff. like why do i need three kinds of cheese. i don't. but here we are.

in the afternoon we went for a walk by the river and it was actually sunny for once. saw a \
dog that looked exactly like a little bear, i wanted to take him home so bad. Sam said no. \
rude.

evening was chill. pizza, a movie, some wine. the movie was kinda dumb but honestly that's \
the best kind sometimes. ok bed now. or maybe one more episode. we'll see lol.

ugh mondays. seriously who invented mondays. the coffee machine at work broke so everyone \
was grumpy and nobody wanted to talk. i got like nothing done before lunch, just stared at \
my emails and moved them around a bit. very productive yeah.

after lunch things got better tho. finished the thing for Mark finally and he said it looked \
good so yay. then i left a bit early cause i had a dentist appointment. no cavities!! \
feeling very proud of my teeth right now haha.

made soup for dinner, it was ok. kinda bland. need more salt next time. called mom, she told \
me all about the neighbours and their new fence. riveting stuff. love her tho.

so today i decided i'm gonna start running again. like actually this time. went out at 7 \
before work and made it maybe two km before i had to stop and walk. my legs are so dead \
right now lol. but it felt kinda nice? the air was cold and the streets were empty and i \
had my music on. we'll see if i do it again tomorrow. probably not haha.

work was fine, nothing special. Jess brought cookies so that was the highlight honestly. \
chocolate ones. i had three. don't judge me.

tonight i'm just gonna read in bed and sleep early. for real this time. ok maybe not.

guess what. i went running again!! two days in a row, who even am i. it was easier than \
yesterday, i think i did almost three km. still walked a bit at the end but whatever, \
progress is progress right.

at work we had this big meeting about the new project and honestly i have no idea what \
they want from us. like they talked for an hour and said nothing. Jess kept sending me \
memes the whole time and i almost laughed out loud. super professional lol.

after work Sam came over and we tried to make sushi. it was a disaster. rice everywhere. \
the rolls kept falling apart. but it tasted good so who cares. we ate it with spoons haha.

rainy day again. stayed in and cleaned the whole flat which was long overdue. found like \
four socks under the sofa and none of them match. where do the other ones go?? big mystery.

then i finally called the landlord about the heater. he said he'll send someone next week. \
sure. we'll see. it's been cold for a month now so i'm not holding my breath.

evening i just played games and ate crisps. kind of a lazy day but honestly i needed it. \
tomorrow i'll be productive. maybe. lol.
"""


def words(text: str, count: int) -> str:
    """The first count words of text, line breaks kept."""
    out, seen = [], 0
    for line in text.split("\n"):
        kept = []
        for word in line.split():
            if seen == count:
                break
            kept.append(word)
            seen += 1
        out.append(" ".join(kept))
        if seen == count:
            break
    return "\n".join(out).strip()
